package vn.govhub.connectors.portal;

import vn.govhub.connectors.UpstreamFailure;

/** The source failed in a way that may pass: timeout, connection reset, 408, 429, 5xx. Retry with backoff. */
public final class TransientSourceException extends SourceException implements UpstreamFailure.Transient {

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
