package vn.govhub.connectors.agency;

import vn.govhub.connectors.UpstreamFailure;

/**
 * A failed call to an agency's feedback system. {@link Transient} may succeed later (connect failure, timeout, 5xx,
 * 429, 408); {@link Permanent} will not (any other 4xx — a refused payload, wrong credentials — or an answer that
 * cannot be read). Messages carry the agency and the HTTP status, never the payload.
 */
public abstract sealed class AgencySystemException extends RuntimeException
        permits AgencySystemException.Transient, AgencySystemException.Permanent {

    /** The upstream family ({@link vn.govhub.connectors.UpstreamFailure#upstream()}): an agency feedback system. */
    public String upstream() {
        return "agency";
    }

    private final int status;

    protected AgencySystemException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status the agency answered, 0 when there was no answer (or it was not the problem). */
    public int status() {
        return status;
    }

    public static final class Transient extends AgencySystemException implements UpstreamFailure.Transient {
        public Transient(String message, int status, Throwable cause) {
            super(message, status, cause);
        }
    }

    public static final class Permanent extends AgencySystemException implements UpstreamFailure.Permanent {
        public Permanent(String message, int status, Throwable cause) {
            super(message, status, cause);
        }
    }
}
