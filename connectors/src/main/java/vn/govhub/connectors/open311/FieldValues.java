package vn.govhub.connectors.open311;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed values read from a field's text: datetimes and coordinates. A value that cannot be read is null and adds
 * an error naming the field, so the caller goes on and reports every problem of the request at once. Datetimes
 * are read as {@link GeoReportRequests} describes, forgiving the {@code +} of an offset that arrived as a space.
 */
final class FieldValues {

    /** A datetime whose offset sign was decoded from {@code +} to a space. */
    private static final Pattern SPACED_OFFSET = Pattern.compile("(.*T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?) (\\d{2}:?\\d{2})");

    private final ZoneId zone;

    /** @param zone the zone of datetimes sent without an offset */
    FieldValues(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * An ISO 8601 datetime: with an offset, or local (in the jurisdiction's zone), or a bare date (its first
     * instant, or its last one if {@code endOfDay}). Null if {@code text} is null or cannot be read (then an error
     * naming {@code field} is added).
     */
    Instant datetime(String field, String text, boolean endOfDay, List<Open311Error> errors) {
        if (text == null) {
            return null;
        }
        Matcher spaced = SPACED_OFFSET.matcher(text);
        String iso = spaced.matches() ? spaced.group(1) + "+" + spaced.group(2) : text;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(iso).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate date = LocalDate.parse(iso);
                    return endOfDay ? date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                            : date.atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    errors.add(Open311Error.badRequest(field + " must be an ISO 8601 datetime such as "
                            + "2026-11-28T10:15:30+07:00"));
                    return null;
                }
            }
        }
    }

    /** Decimal degrees within {@code -limit..limit}; null (and an error) otherwise. */
    static Double coordinate(String field, String text, double limit, List<Open311Error> errors) {
        double value;
        try {
            value = new BigDecimal(text).doubleValue();
        } catch (NumberFormatException e) {
            errors.add(Open311Error.badRequest(field + " must be a decimal number of degrees"));
            return null;
        }
        if (value < -limit || value > limit) {
            errors.add(Open311Error.badRequest(field + " must be within -" + (int) limit + ".." + (int) limit));
            return null;
        }
        return value;
    }
}
