package vn.govhub.connectors.portal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.govhub.text.VietnameseText;

/**
 * Reads the publication times that provincial portals write, into instants. Understood, in this order:
 * <ol>
 *   <li>a custom {@link DateTimeFormatter} pattern from the source's configuration, when given;</li>
 *   <li>RFC 822 / RFC 1123 as RSS uses them ({@code Fri, 09 Feb 2024 15:00:00 +0700}, {@code GMT}, the RFC 822
 *       named zones, {@code ICT}); the weekday is ignored, since feeds often get it wrong;</li>
 *   <li>ISO 8601 / W3C-DTF as Atom uses them, with or without offset, with {@code T} or a space;</li>
 *   <li>Vietnamese day-first forms found anywhere in the text: {@code 15:00 ngày 09/02/2024},
 *       {@code Thứ sáu, 09/02/2024 15:00}, {@code 09/02/2024 - 15:00}, {@code 9/2/2024},
 *       {@code Cập nhật: 09-02-2024 15:00:00}, {@code 15h30 09.02.2024}, {@code ngày 9 tháng 2 năm 2024},
 *       optionally with {@code (GMT+7)}.</li>
 * </ol>
 * A time without zone or offset is Vietnam time ({@link #VIETNAM}); a date without time is the start of that
 * day. Anything else, including impossible dates such as 31/02, gives an empty result: the caller decides
 * what an undated item means.
 */
public final class VietnameseDates {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    private static final Pattern RFC_822 = Pattern.compile(
            "^(?:[a-z]{2,9}\\.?,?\\s+)?(\\d{1,2})\\s+([a-z]{3,9})\\.?\\s+(\\d{4}|\\d{2})\\s+"
                    + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
                    + "(?:\\s*([+-]\\d{2}:?\\d{2}|[a-z]{1,4}(?:[+-]\\d{1,2}(?::?\\d{2})?)?))?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})"
                    + "(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?$",
            Pattern.CASE_INSENSITIVE);

    // the patterns below run on folded text: lower case, no diacritics ("ngày" -> "ngay")
    private static final Pattern VN_OFFSET = Pattern.compile("\\(?\\s*(?:gmt|utc)\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?\\s*\\)?");
    private static final Pattern VN_DATE = Pattern.compile(
            "(?<![\\d/.-])(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?!\\d)");
    private static final Pattern VN_DATE_WORDS = Pattern.compile(
            "ngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4})(?!\\d)");
    private static final Pattern VN_TIME = Pattern.compile(
            "(?<![\\d/.-])(\\d{1,2})\\s*(?::\\s*(\\d{2})|h(\\d{2})?(?![a-z])|\\s*gio\\b(?:\\s*(\\d{2}))?)"
                    + "(?:\\s*:\\s*(\\d{2}))?(?!\\d)(?:\\s*(am|pm|sa|ch)\\b)?");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private static final Map<String, ZoneOffset> RFC_822_ZONES = Map.ofEntries(
            Map.entry("z", ZoneOffset.UTC), Map.entry("ut", ZoneOffset.UTC), Map.entry("utc", ZoneOffset.UTC),
            Map.entry("gmt", ZoneOffset.UTC),
            Map.entry("est", ZoneOffset.ofHours(-5)), Map.entry("edt", ZoneOffset.ofHours(-4)),
            Map.entry("cst", ZoneOffset.ofHours(-6)), Map.entry("cdt", ZoneOffset.ofHours(-5)),
            Map.entry("mst", ZoneOffset.ofHours(-7)), Map.entry("mdt", ZoneOffset.ofHours(-6)),
            Map.entry("pst", ZoneOffset.ofHours(-8)), Map.entry("pdt", ZoneOffset.ofHours(-7)),
            // Indochina Time, what Vietnamese servers print when they print a zone name
            Map.entry("ict", ZoneOffset.ofHours(7)));

    private VietnameseDates() {
    }

    /** Parses {@code text} with the built-in forms only. */
    public static Optional<Instant> parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses {@code text}, trying {@code customPattern} (a {@link DateTimeFormatter} pattern, may be null) first.
     *
     * @throws IllegalArgumentException when {@code customPattern} is not a valid pattern
     */
    public static Optional<Instant> parse(String text, String customPattern) {
        DateTimeFormatter custom = customPattern == null || customPattern.isBlank() ? null : compilePattern(customPattern);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = VietnameseText.collapseWhitespace(VietnameseText.nfc(text));
        try {
            Optional<Instant> result = Optional.empty();
            if (custom != null) {
                result = parseCustom(trimmed, custom);
            }
            if (result.isEmpty()) {
                result = parseRfc822(trimmed);
            }
            if (result.isEmpty()) {
                result = parseIso(trimmed);
            }
            if (result.isEmpty()) {
                result = parseVietnamese(trimmed);
            }
            return result;
        } catch (DateTimeException | ArithmeticException e) {
            // out-of-range fields (31/02, 25:00): not a date we can trust
            return Optional.empty();
        }
    }

    /**
     * Compiles a custom pattern (case-insensitive, Vietnamese locale for names), so configuration can be
     * validated when it is loaded.
     *
     * @throws IllegalArgumentException when the pattern is invalid
     */
    public static DateTimeFormatter compilePattern(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient().appendPattern(pattern)
                .toFormatter(VI);
    }

    private static Optional<Instant> parseCustom(String text, DateTimeFormatter formatter) {
        try {
            TemporalAccessor parsed = formatter.parse(text);
            LocalDate date = LocalDate.from(parsed);
            LocalTime time = parsed.query(TemporalQueries.localTime());
            ZoneId zone = parsed.query(TemporalQueries.zone());
            return Optional.of(LocalDateTime.of(date, time != null ? time : LocalTime.MIDNIGHT)
                    .atZone(zone != null ? zone : VIETNAM).toInstant());
        } catch (DateTimeException e) {
            // the configured pattern does not fit this text: the built-in forms may
            return Optional.empty();
        }
    }

    private static Optional<Instant> parseRfc822(String text) {
        Matcher m = RFC_822.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Integer month = MONTHS.get(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
        if (month == null) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), intOrZero(m.group(6)));
        if (m.group(7) == null) {
            return Optional.of(local.atZone(VIETNAM).toInstant());
        }
        return rfc822Zone(m.group(7)).map(zone -> local.atZone(zone).toInstant());
    }

    private static Optional<ZoneId> rfc822Zone(String zone) {
        String z = zone.toLowerCase(Locale.ROOT);
        if (z.startsWith("+") || z.startsWith("-")) {
            return Optional.of(offset(z));
        }
        Matcher named = Pattern.compile("([a-z]+)(?:([+-])(\\d{1,2})(?::?(\\d{2}))?)?").matcher(z);
        if (!named.matches() || !RFC_822_ZONES.containsKey(named.group(1))) {
            return Optional.empty(); // an unknown zone name: guessing would shift the time by hours
        }
        ZoneOffset base = RFC_822_ZONES.get(named.group(1));
        if (named.group(2) == null) {
            return Optional.of(base);
        }
        return Optional.of(offset(named.group(2), named.group(3), named.group(4)));
    }

    private static Optional<Instant> parseIso(String text) {
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(5) != null) {
            String fraction = m.group(8) == null ? "0" : (m.group(8) + "000000000").substring(0, 9);
            time = LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), intOrZero(m.group(7)),
                    Integer.parseInt(fraction));
        }
        ZoneId zone = m.group(9) == null ? VIETNAM
                : "z".equalsIgnoreCase(m.group(9)) ? ZoneOffset.UTC : offset(m.group(9));
        return Optional.of(LocalDateTime.of(date, time).atZone(zone).toInstant());
    }

    private static Optional<Instant> parseVietnamese(String text) {
        String folded = VietnameseText.fold(text);
        ZoneId zone = VIETNAM;
        Matcher offset = VN_OFFSET.matcher(folded);
        if (offset.find()) {
            zone = offset(offset.group(1), offset.group(2), offset.group(3));
            folded = cut(folded, offset);
        }
        LocalDate date;
        Matcher d = VN_DATE.matcher(folded);
        Matcher words = VN_DATE_WORDS.matcher(folded);
        if (d.find()) {
            date = LocalDate.of(Integer.parseInt(d.group(4)), Integer.parseInt(d.group(3)), Integer.parseInt(d.group(1)));
            folded = cut(folded, d);
        } else if (words.find()) {
            date = LocalDate.of(Integer.parseInt(words.group(3)), Integer.parseInt(words.group(2)),
                    Integer.parseInt(words.group(1)));
            folded = cut(folded, words);
        } else {
            return Optional.empty();
        }
        LocalTime time = LocalTime.MIDNIGHT;
        Matcher t = VN_TIME.matcher(folded);
        if (t.find()) {
            int hour = Integer.parseInt(t.group(1));
            int minute = intOrZero(firstNonNull(t.group(2), t.group(3), t.group(4)));
            String half = t.group(6);
            if (half != null) {
                if (hour < 1 || hour > 12) {
                    return Optional.empty();
                }
                boolean afternoon = half.equals("pm") || half.equals("ch");
                hour = hour % 12 + (afternoon ? 12 : 0);
            }
            time = LocalTime.of(hour, minute, intOrZero(t.group(5)));
        }
        return Optional.of(LocalDateTime.of(date, time).atZone(zone).toInstant());
    }

    private static String cut(String text, Matcher m) {
        return text.substring(0, m.start()) + " " + text.substring(m.end());
    }

    private static ZoneOffset offset(String isoOffset) {
        String digits = isoOffset.substring(1).replace(":", "");
        return offset(isoOffset.substring(0, 1), digits.substring(0, 2), digits.length() > 2 ? digits.substring(2) : null);
    }

    private static ZoneOffset offset(String sign, String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int min = intOrZero(minutes);
        return "-".equals(sign) ? ZoneOffset.ofHoursMinutes(-h, -min) : ZoneOffset.ofHoursMinutes(h, min);
    }

    private static int intOrZero(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
