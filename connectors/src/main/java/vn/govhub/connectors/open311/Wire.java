package vn.govhub.connectors.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks shared by the records' constructors. */
final class Wire {

    private Wire() {
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** Blank optional text is the same as absent: both render as an omitted field. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether {@code value} is an absolute http(s) URI, the only kind a client can follow. */
    static boolean isWebUri(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static void checkCoordinates(Double lat, Double lon) {
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("lat and long go together: give both or neither");
        }
        if (lat != null && !(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be within -90..90, not " + lat);
        }
        if (lon != null && !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("long must be within -180..180, not " + lon);
        }
    }
}
