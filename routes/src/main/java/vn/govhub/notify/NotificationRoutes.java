package vn.govhub.notify;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The notification flow's routes: planning published events and sending notifications (every node, claims keep
 * them apart), settling sends interrupted by a crash, sweeping kept webhooks, refreshing OA tokens before they
 * expire (leader only).
 */
@Component
public class NotificationRoutes extends RouteBuilder {

    private final NotificationSettings settings;

    public NotificationRoutes(NotificationSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        long tick = settings.tick().toMillis();
        from("timer:notify-plan?period=" + tick + "&delay=1000").routeId("notify-plan")
                .bean("notificationPlanner", "planDue");
        from("timer:notify-send?period=" + tick + "&delay=1000").routeId("notify-send")
                .bean("notificationSender", "sendDue");
        from("timer:notify-settle?period=30000&delay=5000").routeId("notify-settle-interrupted")
                .bean("notificationSender", "settleInterrupted");
        from("timer:zalo-webhook-sweep?period=1000&delay=2000").routeId("zalo-webhook-sweep")
                .bean("zaloWebhookProcessor", "sweep");
        from("timer:zalo-token-refresh?period=60000&delay=10000").routeId("zalo-token-refresh")
                .filter().method("leadership", "isLeader('zalo-token-refresh')")
                    .bean("oaTokenService", "refreshDue")
                .end();
    }
}
