package vn.govhub.zalo;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.govhub.platform.schedule.ScheduledTasks;
import vn.govhub.platform.schedule.Task;

import java.time.Duration;

/**
 * Zalo's tasks: every node applies the webhooks it stored (received by {@link ZaloWebhookController}), and one node at
 * a time refreshes the OA tokens before they expire.
 */
@Component
public class ZaloRoutes extends RouteBuilder {

    private final ScheduledTasks tasks;
    private final ZaloWebhookProcessor webhooks;
    private final OaTokenService tokens;

    public ZaloRoutes(ScheduledTasks tasks, ZaloWebhookProcessor webhooks, OaTokenService tokens) {
        this.tasks = tasks;
        this.webhooks = webhooks;
        this.tokens = tokens;
    }

    @Override
    public void configure() {
        tasks.schedule(this, Task.every("zalo-webhook-sweep", Duration.ofSeconds(1)).after(Duration.ofSeconds(2))
                .runs(webhooks::sweep));
        tasks.schedule(this, Task.every("zalo-token-refresh", Duration.ofMinutes(1)).after(Duration.ofSeconds(10)).onLeader()
                .runs(tokens::refreshDue));
    }
}
