package vn.govhub.platform.outbox;

import io.github.resilience4j.core.IntervalFunction;

import java.time.Duration;

/**
 * How often and how far apart a failing delivery is tried again: exponential backoff from {@code base} doubling up to
 * {@code max}, spread by {@code jitter} (0 to under 1: each wait drawn within ±jitter of its step, so that work that
 * failed together does not come back together), at most {@code maxAttempts} counted failures; and how long work waits
 * while its upstream's circuit is open ({@code whileOpen}, nothing counted).
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max, double jitter, Duration whileOpen) {

    public RetryPolicy {
        if (maxAttempts < 1 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("maxAttempts >= 1 and 0 <= jitter < 1");
        }
    }

    /** The wait after the {@code failures}-th counted failure (1 for the first). */
    public Duration delay(int failures) {
        IntervalFunction steps = jitter == 0
                ? IntervalFunction.ofExponentialBackoff(base.toMillis(), 2.0)
                : IntervalFunction.ofExponentialRandomBackoff(base.toMillis(), 2.0, jitter);
        long wait = steps.apply(Math.max(1, Math.min(failures, 30)));
        // the cap is applied after the spread, as a spread that is cut off at the cap would bunch everyone there
        long cap = max.toMillis();
        return Duration.ofMillis(wait <= cap ? wait : cap - (long) (cap * jitter * Math.random()));
    }
}
