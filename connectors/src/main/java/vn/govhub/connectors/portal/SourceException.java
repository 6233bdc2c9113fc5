package vn.govhub.connectors.portal;



/**
 * Why a news source could not be read. The two kinds tell the caller what to do next:
 * {@link TransientSourceException} is worth a retry with backoff, {@link PermanentSourceException} is not
 * (the same bytes would fail the same way) and goes to the source's error report.
 */
public abstract sealed class SourceException extends RuntimeException
        permits TransientSourceException, PermanentSourceException {

    /** The upstream family ({@link vn.govhub.connectors.UpstreamFailure#upstream()}): a provincial portal. */
    public String upstream() {
        return "portal";
    }

    protected SourceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same request may succeed later. */
    public abstract boolean isRetryable();

    /**
     * Classifies a non-2xx HTTP status: timeouts-like statuses (408), throttling (429) and server errors (5xx)
     * are transient; every other status is permanent (the request itself is wrong: 404, 410, 401, ...).
     *
     * @throws IllegalArgumentException for a 2xx status or 304 Not Modified, which are not errors
     */
    public static SourceException forHttpStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        if (status >= 200 && status < 300 || status == 304) {
            throw new IllegalArgumentException("HTTP " + status + " is not a source error");
        }
        String message = "HTTP " + status + " from source";
        if (status == 408 || status == 429 || status >= 500) {
            return new TransientSourceException(message, null);
        }
        return new PermanentSourceException(message, null);
    }
}
