package vn.govhub.connectors.agency;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach one agency's own feedback system; everything comes from the province's configuration.
 *
 * @param agency         the agency's id in the hub's configuration (for messages; also the callback path
 *                       {@code /webhooks/agencies/{agency}})
 * @param baseUrl        e.g. {@code https://pakn.sotnmt.tayninh.gov.vn}, a trailing slash is dropped
 * @param submitPath     where feedback is POSTed, {@value #DEFAULT_SUBMIT_PATH} when null
 * @param auth           how requests authenticate, {@link Auth#none()} when null
 * @param fields         target JSON field path → hub source (see {@link AgencyFieldMapping}); null or empty for
 *                       {@link AgencyFieldMapping#DEFAULT}. Validated here: a bad mapping fails construction.
 * @param ticketField    dot path of the agency's ticket id in its answer, {@value #DEFAULT_TICKET_FIELD} when null
 */
public record AgencySystemSettings(String agency, String baseUrl, String submitPath, Auth auth, Duration connectTimeout,
                                   Duration readTimeout, Map<String, String> fields, String ticketField) {

    public static final String DEFAULT_SUBMIT_PATH = "/api/feedback";
    public static final String DEFAULT_TICKET_FIELD = "id";

    public AgencySystemSettings {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("agency " + agency + ": timeouts must be positive");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        submitPath = submitPath == null || submitPath.isBlank() ? DEFAULT_SUBMIT_PATH : submitPath;
        if (!submitPath.startsWith("/")) {
            throw new IllegalArgumentException("agency " + agency + ": submit path must start with '/': " + submitPath);
        }
        auth = auth == null ? Auth.none() : auth;
        try {
            fields = AgencyFieldMapping.of(fields).fields();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agency " + agency + ": " + e.getMessage(), e);
        }
        ticketField = ticketField == null || ticketField.isBlank() ? DEFAULT_TICKET_FIELD : ticketField;
    }

    /** Defaults for everything but where it is and how to authenticate. */
    public static AgencySystemSettings of(String agency, String baseUrl, Auth auth) {
        return new AgencySystemSettings(agency, baseUrl, null, auth, Duration.ofSeconds(5), Duration.ofSeconds(10), null, null);
    }

    /** The validated field mapping. */
    public AgencyFieldMapping mapping() {
        return new AgencyFieldMapping(fields);
    }

    public String submitUrl() {
        return baseUrl + submitPath;
    }

    @Override
    public String toString() { // no credentials
        return "AgencySystemSettings[" + agency + " " + submitUrl() + ", auth " + auth.scheme() + "]";
    }

    /**
     * How requests to the agency authenticate. The secret is the resolved value (the configuration binder reads it
     * from the environment or a mounted file); it never appears in {@link #toString()}.
     *
     * @param username   {@link Scheme#BASIC} only
     * @param headerName {@link Scheme#API_KEY} only
     */
    public record Auth(Scheme scheme, String username, String headerName, String secret) {

        public enum Scheme { NONE, BEARER, BASIC, API_KEY }

        public Auth {
            Objects.requireNonNull(scheme, "scheme");
            if (scheme != Scheme.NONE && (secret == null || secret.isBlank())) {
                throw new IllegalArgumentException(scheme + " auth needs a secret (is its environment variable set?)");
            }
            if (scheme == Scheme.BASIC && (username == null || username.isBlank() || username.contains(":"))) {
                throw new IllegalArgumentException("BASIC auth needs a username without ':'");
            }
            if (scheme == Scheme.API_KEY && (headerName == null || headerName.isBlank())) {
                throw new IllegalArgumentException("API_KEY auth needs a header name");
            }
        }

        public static Auth none() {
            return new Auth(Scheme.NONE, null, null, null);
        }

        public static Auth bearer(String token) {
            return new Auth(Scheme.BEARER, null, null, token);
        }

        public static Auth basic(String username, String password) {
            return new Auth(Scheme.BASIC, username, null, password);
        }

        public static Auth apiKey(String headerName, String key) {
            return new Auth(Scheme.API_KEY, null, headerName, key);
        }

        @Override
        public String toString() {
            return "Auth[" + scheme + (headerName == null ? "" : " " + headerName) + "]";
        }
    }
}
