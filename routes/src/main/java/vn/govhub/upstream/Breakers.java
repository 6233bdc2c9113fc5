package vn.govhub.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.time.Duration;

/** The hub's circuit breakers per upstream: open after {@code failures} failures in a row, one probe after {@code open}. */
public final class Breakers {

    private Breakers() {
    }

    public static CircuitBreaker of(String name, int failures, Duration open) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failures)
                .minimumNumberOfCalls(failures)
                .failureRateThreshold(100)
                .waitDurationInOpenState(open)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build();
        return CircuitBreaker.of(name, config);
    }
}
