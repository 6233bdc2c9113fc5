package vn.govhub.connectors.tthc;

/**
 * A failed call to the national TTHC database: {@link Transient} may succeed if retried later (network, timeouts,
 * 5xx, 429), {@link Permanent} will not (refused credentials, a non-zero error code, malformed or truncated JSON).
 */
public abstract sealed class TthcException extends RuntimeException permits TthcException.Transient, TthcException.Permanent {

    protected TthcException(String message, Throwable cause) {
        super(message, cause);
    }

    public static final class Transient extends TthcException {
        public Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static final class Permanent extends TthcException {
        public Permanent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
