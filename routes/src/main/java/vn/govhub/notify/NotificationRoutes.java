package vn.govhub.notify;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.govhub.platform.schedule.ScheduledTasks;
import vn.govhub.platform.schedule.Task;

import java.time.Duration;

/**
 * The notification flow's tasks: every node plans published events into notifications and sends the due ones (claims
 * keep the nodes apart), and settles sends a crash interrupted.
 */
@Component
public class NotificationRoutes extends RouteBuilder {

    private final ScheduledTasks tasks;
    private final NotificationPlanner planner;
    private final NotificationSender sender;

    public NotificationRoutes(ScheduledTasks tasks, NotificationPlanner planner, NotificationSender sender) {
        this.tasks = tasks;
        this.planner = planner;
        this.sender = sender;
    }

    @Override
    public void configure() {
        tasks.schedule(this, Task.every("notify-plan", Duration.ofMillis(200)).runs(planner::planDue));
        tasks.schedule(this, Task.every("notify-send", Duration.ofMillis(200)).runs(sender::sendDue));
        tasks.schedule(this, Task.every("notify-settle-interrupted", Duration.ofSeconds(30)).after(Duration.ofSeconds(5))
                .runs(sender::settleInterrupted));
    }
}
