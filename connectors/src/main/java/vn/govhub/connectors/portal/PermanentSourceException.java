package vn.govhub.connectors.portal;

import vn.govhub.connectors.UpstreamFailure;

/**
 * The source answered with something unusable that a retry would not change: a DOCTYPE, malformed XML, a body
 * that is not a feed, a body too large, bytes that do not match their declared encoding, a 4xx status.
 */
public final class PermanentSourceException extends SourceException implements UpstreamFailure.Permanent {

    public PermanentSourceException(String message) {
        this(message, null);
    }

    public PermanentSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
