package vn.govhub.feedback;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The feedback flow's routes: delivery to agency systems from the outbox (every node) and the overdue check (leader
 * only). The mini app's resources are in {@link FeedbackController}, the inbox in {@link FeedbackAdminController}.
 */
@Component
public class FeedbackRoutes extends RouteBuilder {

    private final FeedbackSettings settings;

    public FeedbackRoutes(FeedbackSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        from("timer:feedback-deliver?delay=1000&period=" + settings.tick().toMillis()).routeId("feedback-deliver")
                .bean("feedbackDeliverer", "deliverDue");
        from("timer:feedback-escalation?delay=10000&period=" + settings.escalationEvery().toMillis()).routeId("feedback-escalation")
                .filter().method("leadership", "isLeader('feedback-escalation')")
                    .bean("feedbackService", "escalateOverdue")
                .end();
    }
}
