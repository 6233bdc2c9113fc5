package vn.govhub.connectors.open311;

import java.util.Objects;

/**
 * One entry of a GeoReport v2 error answer ({@code <errors><error><code/><description/></error></errors>}, or a JSON
 * array of {@code {"code", "description"}}). The code is the HTTP status the answer goes with: 400 bad input
 * (the description names the field), 403 bad or missing {@code api_key}, 404 unknown service, request or token.
 *
 * @param code        an HTTP error status, 400..599
 * @param description what went wrong, for a developer reading it; never blank
 */
public record Open311Error(int code, String description) {

    public Open311Error {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("code must be an HTTP error status (400..599), not " + code);
        }
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank");
        }
    }

    /** 400: the request is malformed; the description names the offending field. */
    public static Open311Error badRequest(String description) {
        return new Open311Error(400, description);
    }

    /** 403: the {@code api_key} is missing or not valid. */
    public static Open311Error forbidden(String description) {
        return new Open311Error(403, description);
    }

    /** 404: no such service, request or token. */
    public static Open311Error notFound(String description) {
        return new Open311Error(404, description);
    }
}
