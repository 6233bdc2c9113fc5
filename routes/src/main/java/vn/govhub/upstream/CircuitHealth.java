package vn.govhub.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.Map;

/**
 * Health of a set of upstreams by their circuits on this node: an open (or probing) circuit is DEGRADED, not DOWN —
 * the hub still accepts what citizens send and the outbox holds it until the upstream is back.
 */
public final class CircuitHealth {

    public static final Status DEGRADED = new Status("DEGRADED");

    private CircuitHealth() {
    }

    public static void report(Health.Builder builder, Map<String, CircuitBreaker.State> states) {
        boolean open = states.values().stream().anyMatch(s -> s == CircuitBreaker.State.OPEN || s == CircuitBreaker.State.HALF_OPEN);
        builder.status(open ? DEGRADED : Status.UP).withDetails(Map.copyOf(states));
    }
}
