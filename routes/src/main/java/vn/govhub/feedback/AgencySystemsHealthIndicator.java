package vn.govhub.feedback;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import vn.govhub.upstream.CircuitHealth;

/** {@code agencySystems} health: the circuit of each agency's feedback system on this node. */
@Component("agencySystemsHealthIndicator")
class AgencySystemsHealthIndicator extends AbstractHealthIndicator {

    private final AgencySystems systems;

    AgencySystemsHealthIndicator(AgencySystems systems) {
        this.systems = systems;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CircuitHealth.report(builder, systems.states());
    }
}
