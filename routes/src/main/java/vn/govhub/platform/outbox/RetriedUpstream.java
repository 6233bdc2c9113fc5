package vn.govhub.platform.outbox;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import vn.govhub.upstream.Breakers;

import java.time.Duration;

/**
 * The retry and circuit-breaker settings a province file gives one upstream (a case-handling system, an agency's
 * feedback system), and what the delivery engine makes of them.
 */
public interface RetriedUpstream {

    /** Failed attempts (while the upstream is otherwise reachable) before the dead letter. */
    int maxAttempts();

    /** The first retry delay; doubles with each failure up to {@link #retryMax()}. */
    Duration retryBase();

    Duration retryMax();

    /** Each delay is drawn within ±this share of its step, so failures do not return together. */
    double retryJitter();

    /** Failures in a row that open the upstream's circuit (per node). */
    int breakerFailures();

    /** How long an open circuit stays open before one probe is let through. */
    Duration breakerOpen();

    default RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts(), retryBase(), retryMax(), retryJitter(), breakerOpen());
    }

    default CircuitBreaker breaker(String name) {
        return Breakers.of(name, breakerFailures(), breakerOpen());
    }
}
