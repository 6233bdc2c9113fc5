package vn.govhub.connectors.tthc;

import vn.govhub.connectors.UpstreamFailure;

/**
 * A failed call to the national TTHC database: {@link Transient} may succeed if retried later (network, timeouts,
 * 5xx, 429), {@link Permanent} will not (refused credentials, a non-zero error code, malformed or truncated JSON).
 */
public abstract sealed class TthcException extends RuntimeException permits TthcException.Transient, TthcException.Permanent {

    /** The upstream family ({@link vn.govhub.connectors.UpstreamFailure#upstream()}): the national TTHC database. */
    public String upstream() {
        return "tthc";
    }

    protected TthcException(String message, Throwable cause) {
        super(message, cause);
    }

    public static final class Transient extends TthcException implements UpstreamFailure.Transient {
        public Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static final class Permanent extends TthcException implements UpstreamFailure.Permanent {
        public Permanent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
