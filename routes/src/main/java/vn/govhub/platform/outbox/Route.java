package vn.govhub.platform.outbox;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.time.Duration;

/** What to do with one piece of work, decided before it is claimed. */
public sealed interface Route<T> {

    /** Call {@code target}, behind its upstream's circuit breaker ({@code null}: none). */
    record To<T>(T target, CircuitBreaker breaker) implements Route<T> {
    }

    /** Not now: due again after {@code delay}, nothing spent. */
    record Wait<T>(Duration delay, String why) implements Route<T> {
    }

    /** Nothing to call: run {@code effect} and mark the work done, in one transaction. */
    record Settle<T>(Runnable effect) implements Route<T> {
    }

    /** Cannot be done: dead letter. */
    record Dead<T>(String why) implements Route<T> {
    }
}
