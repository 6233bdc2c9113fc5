package vn.govhub.api;

import java.io.IOException;

/**
 * A request body the hub stopped reading: larger than its limit (413), slower than its deadline (408), arriving
 * while the node already holds as many body bytes as it may (503), or not in its declared encoding (400). An {@link IOException}, so it leaves every reader
 * the way a broken connection would, and is answered as problem+json wherever it surfaces.
 */
public final class BodyLimitExceeded extends IOException {

    private final int status;

    public BodyLimitExceeded(int status, String message) {
        super(message);
        this.status = status;
    }

    public static BodyLimitExceeded tooLarge(long limit) {
        return new BodyLimitExceeded(413, "The request body is larger than the " + limit + " bytes accepted here.");
    }

    public int status() {
        return status;
    }

    public ApiException problem() {
        String title = switch (status) {
            case 413 -> "Payload Too Large";
            case 408 -> "Request Timeout";
            case 400 -> "Bad Request";
            default -> "Service Unavailable";
        };
        return new ApiException(status, title, getMessage(), java.util.List.of());
    }

    /** Unwraps the cause chain: the limit that stopped a read, if one did. */
    public static BodyLimitExceeded in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyLimitExceeded limit) {
                return limit;
            }
        }
        return null;
    }

    /** For readers that cannot throw checked exceptions (servlet parameters). */
    public static final class Unchecked extends RuntimeException {
        public Unchecked(BodyLimitExceeded cause) {
            super(cause.getMessage(), cause);
        }
    }
}
