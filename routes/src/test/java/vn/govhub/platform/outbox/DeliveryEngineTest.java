package vn.govhub.platform.outbox;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's outcomes against an in-memory store and a scripted upstream: one test per rule it keeps. */
class DeliveryEngineTest {

    private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MemoryStore store = new MemoryStore();
    private final Scripted handler = new Scripted();

    /** Rows in memory: id → state; claims bump the version, later writes are fenced on it. */
    static final class MemoryStore implements DeliveryStore<String> {
        final Map<Long, Row> rows = new LinkedHashMap<>();

        static final class Row {
            final long id;
            final String key;
            String status = "PENDING";
            int version;
            Instant due = NOW;
            String error;

            Row(long id, String key) {
                this.id = id;
                this.key = key;
            }
        }

        void add(long id, String key) {
            rows.put(id, new Row(id, key));
        }

        @Override
        public List<Work<String>> due(int limit) {
            return rows.values().stream().filter(r -> r.status.equals("PENDING") && !r.due.isAfter(NOW)).limit(limit)
                    .map(r -> new Work<>(r.id, r.key, r.version, r.version, "payload-" + r.id)).toList();
        }

        @Override
        public boolean claim(Work<String> work, Duration lease) {
            Row row = rows.get(work.id());
            if (row.version != work.version() || !row.status.equals("PENDING")) {
                return false;
            }
            row.version++;
            row.due = NOW.plus(lease);
            return true;
        }

        @Override
        public boolean hasEarlierPending(Work<String> work) {
            return rows.values().stream().anyMatch(r -> r.key.equals(work.key()) && r.id < work.id() && r.status.equals("PENDING"));
        }

        @Override
        public void done(Work<String> work) {
            fenced(work).status = "DONE";
        }

        @Override
        public void retryAt(Work<String> work, Instant at, Failure why) {
            Row row = fenced(work);
            row.due = at;
            row.error = why.message();
        }

        @Override
        public void dead(Work<String> work, Failure why) {
            Row row = fenced(work);
            row.status = "DEAD";
            row.error = why.message();
        }

        private Row fenced(Work<String> work) {
            Row row = rows.get(work.id());
            return row.version == work.version() ? row : new Row(-1, "stale");
        }
    }

    /** An upstream that answers what the test scripts, one answer per call. */
    static final class Scripted implements DeliveryHandler<String, String, String> {
        final List<Object> answers = new ArrayList<>();
        final List<String> recorded = new ArrayList<>();
        final List<String> deadLettered = new ArrayList<>();
        int failures;
        CircuitBreaker breaker;

        @Override
        public Route<String> route(Work<String> work) {
            return new Route.To<>("upstream", breaker);
        }

        @Override
        public String call(Work<String> work, String target) throws Exception {
            Object answer = answers.isEmpty() ? "ok" : answers.remove(0);
            if (answer instanceof Exception e) {
                throw e;
            }
            return (String) answer;
        }

        @Override
        public Failure classify(Exception failure) {
            return switch (failure.getMessage()) {
                case "down" -> Failure.transientFailure("down");
                case "no" -> Failure.permanent("refused");
                case "lost" -> Failure.unknown("lost");
                default -> Failure.hub("hub");
            };
        }

        @Override
        public void delivered(Work<String> work, String target, String result) {
            recorded.add(work.payload() + ":" + result);
        }

        @Override
        public RetryPolicy retryPolicy(String target) {
            return new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Duration.ofSeconds(30));
        }

        @Override
        public int countFailure(Work<String> work, String target, Failure failure) {
            return ++failures;
        }

        @Override
        public void afterDeadLettered(Work<String> work, String target, Failure why) {
            deadLettered.add(work.payload() + ":" + why.message());
        }

        @Override
        public String[] tags(Work<String> work, String target) {
            return new String[] {"target", target};
        }
    }

    private DeliveryEngine<String, String, String> engine(DeliveryEngine.Guarantee guarantee, boolean ordered) {
        return new DeliveryEngine<>(new DeliveryEngine.Spec("test", guarantee, ordered, 10, Duration.ofMinutes(1), "test.deliveries",
                o -> o, null), store, handler, new TransactionTemplate(new NoTransactions()), clock, meters);
    }

    @Test
    void deliveredWorkIsRecordedAndDoneInOneGo() {
        store.add(1, "a");
        DeliveryEngine.Pass pass = engine(DeliveryEngine.Guarantee.AT_LEAST_ONCE, true).runOnce();
        assertThat(pass).isEqualTo(new DeliveryEngine.Pass(1, 1));
        assertThat(store.rows.get(1L).status).isEqualTo("DONE");
        assertThat(handler.recorded).containsExactly("payload-1:ok");
        assertThat(meters.counter("test.deliveries", "target", "upstream", "outcome", "delivered").count()).isEqualTo(1);
    }

    @Test
    void aTransientFailureIsRetriedAfterAnExponentialWaitAndDeadAfterTheLastAttempt() {
        store.add(1, "a");
        var engine = engine(DeliveryEngine.Guarantee.AT_LEAST_ONCE, true);
        handler.answers.add(new RuntimeException("down"));
        engine.runOnce();
        assertThat(store.rows.get(1L).due).isEqualTo(NOW.plusSeconds(2));
        assertThat(store.rows.get(1L).error).isEqualTo("down");
        assertThat(new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Duration.ZERO).delay(2)).hasSeconds(4);
        assertThat(new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Duration.ZERO).delay(3)).hasSeconds(5);
        store.rows.get(1L).due = NOW;
        handler.answers.add(new RuntimeException("down"));
        engine.runOnce();
        store.rows.get(1L).due = NOW;
        handler.answers.add(new RuntimeException("down"));
        engine.runOnce();
        assertThat(store.rows.get(1L).status).isEqualTo("DEAD");
        assertThat(store.rows.get(1L).error).startsWith("gave up after 3 attempts");
        assertThat(handler.deadLettered).hasSize(1);
    }

    @Test
    void jitterSpreadsTheWaitsButNeverPastTheCap() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofSeconds(60), 0.5, Duration.ZERO);
        List<Long> firsts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            firsts.add(policy.delay(1).toMillis());
            assertThat(policy.delay(10).toMillis()).isBetween(30_000L, 60_000L);
        }
        assertThat(firsts).allMatch(ms -> ms >= 1_000 && ms <= 3_000);
        assertThat(firsts.stream().distinct().count()).isGreaterThan(50);
    }

    @Test
    void aRefusalIsDeadAtOnce() {
        store.add(1, "a");
        handler.answers.add(new RuntimeException("no"));
        engine(DeliveryEngine.Guarantee.AT_LEAST_ONCE, true).runOnce();
        assertThat(store.rows.get(1L).status).isEqualTo("DEAD");
        assertThat(handler.failures).isZero();
    }

    @Test
    void whileTheUpstreamsCircuitIsOpenWorkWaitsUnclaimedAndUncounted() {
        handler.breaker = CircuitBreaker.of("t", CircuitBreakerConfig.custom().slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(1).minimumNumberOfCalls(1).failureRateThreshold(100).waitDurationInOpenState(Duration.ofMinutes(5)).build());
        store.add(1, "a");
        store.add(2, "b");
        handler.answers.add(new RuntimeException("down"));
        var engine = engine(DeliveryEngine.Guarantee.AT_LEAST_ONCE, true);
        engine.runOnce();
        assertThat(handler.breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(store.rows.get(1L).due).as("waits for the circuit").isEqualTo(NOW.plusSeconds(30));
        assertThat(store.rows.get(2L).version).as("never claimed while open").isZero();
        assertThat(handler.failures).as("an outage spends no attempts").isZero();
    }

    @Test
    void workOfAKeyWaitsBehindTheKeysEarlierWork() {
        store.add(1, "a");
        store.add(2, "a");
        store.rows.get(1L).due = NOW.plusSeconds(60); // the earlier one is not due yet
        engine(DeliveryEngine.Guarantee.AT_LEAST_ONCE, true).runOnce();
        assertThat(store.rows.get(2L).status).isEqualTo("PENDING");
        assertThat(store.rows.get(2L).version).isZero();
    }

    @Test
    void anUnknownOutcomeIsRetriedAtLeastOnceButLeftClaimedAtMostOnce() {
        store.add(1, "a");
        handler.answers.add(new RuntimeException("lost"));
        engine(DeliveryEngine.Guarantee.AT_LEAST_ONCE, false).runOnce();
        assertThat(store.rows.get(1L).due).isEqualTo(NOW.plusSeconds(2));
        store.add(2, "b");
        store.rows.get(1L).status = "DONE";
        handler.answers.add(new RuntimeException("lost"));
        engine(DeliveryEngine.Guarantee.AT_MOST_ONCE, false).runOnce();
        assertThat(store.rows.get(2L).status).isEqualTo("PENDING");
        assertThat(store.rows.get(2L).due).as("claimed, its lease running: settled later, never resent").isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aHubFailureAfterTheCallIsRetriedAndCountsAgainstTheBudget() {
        store.add(1, "a");
        handler.answers.add(new RuntimeException("hub"));
        engine(DeliveryEngine.Guarantee.AT_LEAST_ONCE, true).runOnce();
        assertThat(handler.failures).isEqualTo(1);
        assertThat(store.rows.get(1L).status).isEqualTo("PENDING");
    }

    /** Transactions that do nothing: the store is in memory. */
    static final class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
