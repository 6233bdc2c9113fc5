package vn.govhub.ops;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.govhub.cluster.Leadership;

/** {@code cluster} in /actuator/health: members seen and the scheduled tasks this node leads. */
@Component("cluster")
class ClusterHealthIndicator implements HealthIndicator {

    private final Leadership leadership;

    ClusterHealthIndicator(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public Health health() {
        try {
            return Health.up()
                    .withDetail("member", leadership.memberId())
                    .withDetail("members", leadership.clusterSize())
                    .withDetail("tasks", leadership.tasks())
                    .build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
