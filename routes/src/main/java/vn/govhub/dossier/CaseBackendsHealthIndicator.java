package vn.govhub.dossier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code caseSystems} health: each backend's circuit on this node. An open circuit makes the hub DEGRADED, not
 * DOWN: dossiers are still accepted and wait in the outbox until the backend is back.
 */
@Component("caseSystems")
class CaseBackendsHealthIndicator extends AbstractHealthIndicator {

    private final CaseBackends backends;

    CaseBackendsHealthIndicator(CaseBackends backends) {
        this.backends = backends;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, CircuitBreaker.State> states = backends.states();
        boolean open = states.values().stream().anyMatch(s -> s == CircuitBreaker.State.OPEN || s == CircuitBreaker.State.HALF_OPEN);
        builder.status(open ? new Status("DEGRADED") : Status.UP).withDetails(Map.copyOf(states));
    }
}
