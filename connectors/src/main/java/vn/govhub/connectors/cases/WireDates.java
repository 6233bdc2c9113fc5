package vn.govhub.connectors.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Dates as the case systems write them: {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh (national envelope, LGSP;
 * vn-egov.md §2) and ISO 8601 with an offset (iGate, which also writes {@code +0700} without the colon and
 * milliseconds). An unreadable date reads as null: a status is still worth recording without it.
 */
final class WireDates {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter ISO_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final DateTimeFormatter ISO_IN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 7 * 3600)
            .toFormatter();

    private WireDates() {
    }

    static String compact(Instant instant) {
        return instant == null ? null : COMPACT.format(instant.atZone(VIETNAM));
    }

    static Instant fromCompact(String wire) {
        if (wire == null || wire.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(wire.trim(), COMPACT).atZone(VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String iso(Instant instant) {
        return instant == null ? null : ISO_OUT.format(instant.atZone(VIETNAM));
    }

    static Instant fromIso(String wire) {
        if (wire == null || wire.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(wire.trim(), ISO_IN).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
