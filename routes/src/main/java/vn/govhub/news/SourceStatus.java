package vn.govhub.news;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * What the cluster knows of one news source between polls: the validators for a conditional GET, how its last
 * polls went, and when it may be polled again after failures. Kept in Hazelcast so that a new leader carries on.
 */
public record SourceStatus(
        String province,
        String source,
        String etag,
        String lastModified,
        Instant lastPollAt,
        Instant lastSuccessAt,
        Instant lastErrorAt,
        String lastError,
        int consecutiveFailures,
        Instant nextAttemptAt,
        int lastItemCount,
        int lastSkippedItems) implements Serializable {

    public static SourceStatus initial(String province, String source) {
        return new SourceStatus(province, source, null, null, null, null, null, null, 0, null, 0, 0);
    }

    public boolean due(Instant now) {
        return nextAttemptAt == null || !now.isBefore(nextAttemptAt);
    }

    /** A full response was read and stored: new validators, failures forgotten. */
    public SourceStatus succeeded(Instant now, String newEtag, String newLastModified, int items, int skipped) {
        return new SourceStatus(province, source, newEtag, newLastModified, now, now, lastErrorAt, lastError, 0, null,
                items, skipped);
    }

    /** 304: nothing changed upstream. */
    public SourceStatus notModified(Instant now) {
        return new SourceStatus(province, source, etag, lastModified, now, now, lastErrorAt, lastError, 0, null,
                lastItemCount, lastSkippedItems);
    }

    /** A failed poll: back off exponentially from {@code base}, capped at {@code max}. */
    public SourceStatus failed(Instant now, String error, Duration base, Duration max) {
        int failures = consecutiveFailures + 1;
        Duration wait = base.multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(max) > 0 || wait.isNegative()) {
            wait = max;
        }
        return new SourceStatus(province, source, etag, lastModified, now, lastSuccessAt, now, error, failures,
                now.plus(wait), lastItemCount, lastSkippedItems);
    }
}
