package vn.govhub.connectors.portal;

/** The source failed in a way that may pass: timeout, connection reset, 408, 429, 5xx. Retry with backoff. */
public final class TransientSourceException extends SourceException {

    public TransientSourceException(String message) {
        this(message, null);
    }

    public TransientSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
