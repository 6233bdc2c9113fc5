package vn.govhub.feedback;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceSection;
import vn.govhub.platform.schedule.ScheduledTasks;
import vn.govhub.platform.schedule.Task;

import java.time.Duration;

/**
 * The feedback flow's tasks: every node delivers due reports to the agencies' own systems; one node at a time escalates
 * the reports past their due time. The mini app's resources are in {@link FeedbackController}, the inbox in
 * {@link FeedbackAdminController}, the agencies' callbacks in {@link AgencyWebhookController}.
 */
@Component
public class FeedbackRoutes extends RouteBuilder {

    /** The {@code feedback} section of the province files belongs to this flow. */
    @Bean
    static ProvinceSection<FeedbackSection> feedbackSection() {
        return FeedbackSection.SECTION;
    }

    private final ScheduledTasks tasks;
    private final FeedbackDeliverer deliverer;
    private final FeedbackHandling handling;

    public FeedbackRoutes(ScheduledTasks tasks, FeedbackDeliverer deliverer, FeedbackHandling handling) {
        this.tasks = tasks;
        this.deliverer = deliverer;
        this.handling = handling;
    }

    @Override
    public void configure() {
        tasks.schedule(this, Task.every("feedback-deliver", Duration.ofMillis(250)).runs(deliverer::deliverDue));
        tasks.schedule(this, Task.every("feedback-escalation", Duration.ofMinutes(1)).after(Duration.ofSeconds(10)).onLeader()
                .runs(handling::escalateOverdue));
    }
}
