package vn.govhub.platform.outbox;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one delivery engine of everything the outbox drives (dossier forwarding, feedback delivery, notification
 * planning and sending). Each pass takes due work oldest first; for each, the flow decides where it goes; work of a key
 * waits behind the key's earlier work (ordered flows); work whose upstream's circuit is open waits, unclaimed and
 * unspent; the rest is claimed with a lease (a node that dies gives it back when the lease ends) and called. Then:
 * done, in one transaction with the flow's record of it; a transient failure retried after an exponential, jittered
 * wait, counted only while the circuit is closed; a refusal, or the last counted failure, dead-lettered for an admin to
 * replay. An at-least-once flow's unknown outcome is retried (its receiver dedupes); an at-most-once flow's is left
 * claimed and settled later, never redone. Every outcome is counted: {@code <metric>{..., outcome}}.
 */
public final class DeliveryEngine<P, T, R> {

    /** At least once (the receiver dedupes by an idempotency key) or at most once (a crash may lose, never repeat). */
    public enum Guarantee { AT_LEAST_ONCE, AT_MOST_ONCE }

    /**
     * @param flow      the flow's name, in logs
     * @param guarantee see {@link Guarantee}
     * @param ordered   work of one key goes in order
     * @param batch     work taken per pass
     * @param lease     how long claimed work is this node's
     * @param metric    the counter of outcomes
     * @param outcomes  the flow's names of the outcomes (delivered, retry, refused, error, gave_up, interrupted)
     * @param executor  runs calls in parallel within a pass; null: one after another
     */
    public record Spec(String flow, Guarantee guarantee, boolean ordered, int batch, Duration lease, String metric,
                       java.util.function.UnaryOperator<String> outcomes, ExecutorService executor) {

        /** Ordered, at least once, one call at a time, outcomes named as the engine names them. */
        public static Spec ordered(String flow, int batch, Duration lease, String metric) {
            return new Spec(flow, Guarantee.AT_LEAST_ONCE, true, batch, lease, metric, o -> o, null);
        }
    }

    /** What one pass did. */
    public record Pass(int claimed, int delivered) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    private final Spec spec;
    private final DeliveryStore<P> store;
    private final DeliveryHandler<P, T, R> handler;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    public DeliveryEngine(Spec spec, DeliveryStore<P> store, DeliveryHandler<P, T, R> handler, TransactionTemplate transactions,
                          Clock clock, MeterRegistry meters) {
        this.spec = spec;
        this.store = store;
        this.handler = handler;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** One pass over due work. */
    public Pass runOnce() {
        int claimed = 0;
        AtomicInteger delivered = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (Work<P> work : store.due(spec.batch())) {
            Route<T> route = handler.route(work);
            if (route instanceof Route.Wait<T> wait) {
                store.retryAt(work, clock.instant().plus(wait.delay()), Failure.transientFailure(wait.why()));
                continue;
            }
            if (route instanceof Route.Settle<T> settle) {
                transactions.executeWithoutResult(tx -> {
                    settle.effect().run();
                    store.done(work);
                });
                continue;
            }
            if (route instanceof Route.Dead<T> dead) {
                deadLetter(work, null, Failure.permanent(dead.why()));
                continue;
            }
            Route.To<T> to = (Route.To<T>) route;
            if (spec.ordered() && store.hasEarlierPending(work)) {
                continue; // its key's earlier work goes first
            }
            CircuitBreaker breaker = to.breaker();
            if (breaker != null && !breaker.tryAcquirePermission()) {
                continue; // the upstream's circuit is open: the work waits, its attempts untouched
            }
            if (!store.claim(work, spec.lease())) {
                release(breaker);
                continue; // another node took it
            }
            claimed++;
            Work<P> mine = new Work<>(work.id(), work.key(), work.version() + 1, work.claims() + 1, work.payload());
            Runnable attempt = () -> {
                if (attempt(mine, to.target(), breaker)) {
                    delivered.incrementAndGet();
                }
            };
            if (spec.executor() == null) {
                attempt.run();
            } else {
                running.add(spec.executor().submit(attempt));
            }
        }
        for (Future<?> future : running) {
            try {
                future.get(spec.lease().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                log.error("{}: a delivery did not finish cleanly: {}", spec.flow(), e.toString());
            }
        }
        return new Pass(claimed, delivered.get());
    }

    /** At-most-once flows: settles work claimed longer than the lease ago (its node died mid-call). */
    public int settleInterrupted() {
        return store.settleInterrupted(clock.instant().minus(spec.lease()));
    }

    private boolean attempt(Work<P> work, T target, CircuitBreaker breaker) {
        long start = System.nanoTime();
        R result;
        try {
            result = handler.call(work, target);
        } catch (Exception e) {
            failed(work, target, breaker, start, handler.classify(e), e);
            return false;
        }
        if (breaker != null) {
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        try {
            transactions.executeWithoutResult(tx -> {
                handler.delivered(work, target, result);
                store.done(work);
            });
        } catch (RuntimeException e) {
            // the upstream has it, the hub failed to record that
            if (spec.guarantee() == Guarantee.AT_MOST_ONCE) {
                count(work, target, "interrupted");
                log.error("{} {}: delivered, but not recorded; left to be settled, not resent", spec.flow(), work.id(), e);
            } else {
                count(work, target, "error");
                log.error("{} {}: delivered, but not recorded; it goes again (the receiver dedupes)", spec.flow(), work.id(), e);
                retryOrDead(work, target, Failure.hub("hub error: " + e));
            }
            return false;
        }
        count(work, target, "delivered");
        try {
            handler.afterDelivered(work, target, result);
        } catch (RuntimeException e) {
            log.error("{} {}: delivered; what follows failed", spec.flow(), work.id(), e);
        }
        return true;
    }

    private void failed(Work<P> work, T target, CircuitBreaker breaker, long start, Failure failure, Exception cause) {
        switch (failure.kind()) {
            case TRANSIENT -> {
                if (breaker != null) {
                    breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, cause);
                }
                count(work, target, "retry");
                if (breaker != null && breaker.getState() != CircuitBreaker.State.CLOSED) {
                    // the upstream as a whole is failing: this work waits for it, unspent
                    handler.waiting(work, target, failure);
                    store.retryAt(work, clock.instant().plus(handler.retryPolicy(target).whileOpen()), failure);
                    return;
                }
                retryOrDead(work, target, failure);
            }
            case PERMANENT -> {
                if (breaker != null) {
                    breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS); // it answered: it is up
                }
                count(work, target, "refused");
                deadLetter(work, target, failure);
            }
            case HUB -> {
                release(breaker);
                count(work, target, "error");
                log.error("{} {}: failed in the hub", spec.flow(), work.id(), cause);
                retryOrDead(work, target, failure);
            }
            case UNKNOWN -> {
                release(breaker);
                if (spec.guarantee() == Guarantee.AT_MOST_ONCE) {
                    count(work, target, "interrupted");
                    log.error("{} {}: outcome unknown; left to be settled, not resent", spec.flow(), work.id(), cause);
                } else {
                    count(work, target, "error");
                    log.error("{} {}: outcome unknown; it goes again", spec.flow(), work.id(), cause);
                    retryOrDead(work, target, failure);
                }
            }
            default -> throw new IllegalStateException(failure.kind().name());
        }
    }

    private void retryOrDead(Work<P> work, T target, Failure failure) {
        RetryPolicy policy = handler.retryPolicy(target);
        int failures = handler.countFailure(work, target, failure);
        if (failures >= policy.maxAttempts()) {
            count(work, target, "gave_up");
            deadLetter(work, target, failure.withMessage("gave up after " + failures + " attempts: " + failure.message()));
            return;
        }
        store.retryAt(work, clock.instant().plus(policy.delay(failures)), failure);
    }

    private void deadLetter(Work<P> work, T target, Failure why) {
        transactions.executeWithoutResult(tx -> {
            store.dead(work, why);
            handler.deadLettered(work, target, why);
        });
        log.warn("{} {} ({}): dead-lettered: {}", spec.flow(), work.id(), work.key(), why.message());
        try {
            handler.afterDeadLettered(work, target, why);
        } catch (RuntimeException e) {
            log.error("{} {}: dead-lettered; what follows failed", spec.flow(), work.id(), e);
        }
    }

    private static void release(CircuitBreaker breaker) {
        if (breaker != null) {
            breaker.releasePermission();
        }
    }

    private void count(Work<P> work, T target, String outcome) {
        String[] tags = target == null ? new String[0] : handler.tags(work, target);
        String[] all = java.util.Arrays.copyOf(tags, tags.length + 2);
        String name = spec.outcomes().apply(outcome);
        if (name == null) {
            return; // not an outcome this flow counts
        }
        all[tags.length] = "outcome";
        all[tags.length + 1] = name;
        meters.counter(spec.metric(), all).increment();
    }
}
