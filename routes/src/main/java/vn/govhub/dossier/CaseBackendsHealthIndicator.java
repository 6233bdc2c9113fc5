package vn.govhub.dossier;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import vn.govhub.upstream.CircuitHealth;


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
        CircuitHealth.report(builder, backends.states());
    }
}
