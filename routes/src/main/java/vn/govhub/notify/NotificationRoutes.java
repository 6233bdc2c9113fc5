package vn.govhub.notify;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.govhub.platform.schedule.ScheduledTasks;
import vn.govhub.platform.schedule.Task;

import java.time.Duration;

/**
 * The notification flow's tasks: every node plans published events into notifications and sends the due ones (claims
 * keep the nodes apart), settles sends a crash interrupted, and processes the Zalo webhooks it kept; one node at a
 * time refreshes the OA tokens before they expire.
 */
@Component
public class NotificationRoutes extends RouteBuilder {

    private final ScheduledTasks tasks;

    public NotificationRoutes(ScheduledTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void configure() {
        tasks.schedule(this, Task.every("notify-plan", Duration.ofMillis(200)).calls("notificationPlanner", "planDue"));
        tasks.schedule(this, Task.every("notify-send", Duration.ofMillis(200)).calls("notificationSender", "sendDue"));
        tasks.schedule(this, Task.every("notify-settle-interrupted", Duration.ofSeconds(30)).after(Duration.ofSeconds(5))
                .calls("notificationSender", "settleInterrupted"));
        tasks.schedule(this, Task.every("zalo-webhook-sweep", Duration.ofSeconds(1)).after(Duration.ofSeconds(2))
                .calls("zaloWebhookProcessor", "sweep"));
        tasks.schedule(this, Task.every("zalo-token-refresh", Duration.ofMinutes(1)).after(Duration.ofSeconds(10)).onLeader()
                .calls("oaTokenService", "refreshDue"));
    }
}
