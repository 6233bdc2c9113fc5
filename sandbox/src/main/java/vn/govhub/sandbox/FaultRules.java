package vn.govhub.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The armed faults of one simulator. Counted rules are consumed first, oldest first, so that
 * {@code failNext(1, a); failNext(1, b)} fails the next request with a and the one after with b;
 * then the newest "always" rule applies.
 */
final class FaultRules {

    private final List<Rule> counted = new CopyOnWriteArrayList<>();
    private final List<Rule> always = new CopyOnWriteArrayList<>();

    void next(String pathPrefix, int times, Fault fault) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        counted.add(new Rule(pathPrefix, new AtomicInteger(times), fault));
    }

    void always(String pathPrefix, Fault fault) {
        always.add(0, new Rule(pathPrefix, null, fault));
    }

    void clear() {
        counted.clear();
        always.clear();
    }

    /** The fault the request at this path must suffer, consuming one use of a counted rule. */
    Optional<Fault> claim(String path) {
        for (Rule rule : counted) {
            if (rule.matches(path) && rule.tryConsume()) {
                if (rule.remaining.get() == 0) {
                    counted.remove(rule);
                }
                return Optional.of(rule.fault);
            }
        }
        for (Rule rule : always) {
            if (rule.matches(path)) {
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    private record Rule(String pathPrefix, AtomicInteger remaining, Fault fault) {

        Rule {
            Objects.requireNonNull(pathPrefix, "pathPrefix");
            if (!pathPrefix.startsWith("/")) {
                throw new IllegalArgumentException("path prefix must start with '/': " + pathPrefix);
            }
            Objects.requireNonNull(fault, "fault");
        }

        boolean matches(String path) {
            return path.startsWith(pathPrefix);
        }

        /** Takes one use atomically, so concurrent requests never get more failures than armed. */
        boolean tryConsume() {
            int left;
            do {
                left = remaining.get();
                if (left <= 0) {
                    return false;
                }
            } while (!remaining.compareAndSet(left, left - 1));
            return true;
        }

        // identity semantics: two rules armed with the same values are still two rules
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
