package vn.govhub.notify;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;
import vn.govhub.api.ProblemResponses;
import vn.govhub.zalo.ZaloMeApi;

/**
 * The notification flow's routes: planning published events and sending notifications (every node, claims keep
 * them apart), settling sends interrupted by a crash, sweeping kept webhooks, refreshing OA tokens before they
 * expire (leader only); and the citizen's {@code /api/v1/me}, {@code /api/v1/notifications}.
 */
@Component
public class NotificationRoutes extends RouteBuilder {

    static final String SECURITY = "zaloUser";

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

        rest().securityDefinitions()
                .apiKey(SECURITY, "The mini app user's Zalo access token (zmp-sdk getAccessToken()), verified with Zalo Graph")
                    .withHeader("X-Zalo-Access-Token").end()
                .end();

        rest("/me").description("The signed-in citizen")
                .get().description("Who Zalo says the caller is, whether they follow the province's OA, whether a phone is known")
                    .security(SECURITY)
                    .param().name("province").type(RestParamType.query).description("province id (optional when the hub serves one)").endParam()
                    .produces("application/json").outType(ZaloMeApi.Me.class)
                    .responseMessage().code(401).message("Missing or invalid Zalo access token (problem+json)").endResponseMessage()
                    .to("direct:api-me")
                .post("/phone").description("Share the phone number: the code from zmp-sdk getPhoneNumber(), resolved by the hub with Zalo")
                    .security(SECURITY)
                    .param().name("province").type(RestParamType.query).endParam()
                    .consumes("application/json").type(ZaloMeApi.PhoneConsent.class)
                    .produces("application/json").outType(ZaloMeApi.Me.class)
                    .responseMessage().code(400).message("Missing or refused code (problem+json)").endResponseMessage()
                    .responseMessage().code(401).message("Missing or invalid Zalo access token (problem+json)").endResponseMessage()
                    .to("direct:api-me-phone");

        rest("/notifications").description("What the hub sent the citizen through Zalo")
                .get().description("Newest first: kind, channel (OA or ZNS), status (pending, sent, delivered, failed)")
                    .security(SECURITY)
                    .param().name("province").type(RestParamType.query).endParam()
                    .param().name("limit").type(RestParamType.query).dataType("integer").defaultValue("20").description("1 to 100").endParam()
                    .produces("application/json").outType(NotificationApi.NotificationView[].class)
                    .responseMessage().code(400).message("Invalid parameters (problem+json)").endResponseMessage()
                    .responseMessage().code(401).message("Missing or invalid Zalo access token (problem+json)").endResponseMessage()
                    .to("direct:api-notifications");

        from("direct:api-me").routeId("api-me").routeConfigurationId(ProblemResponses.API_ERRORS)
                .bean("zaloMeApi", "me");
        from("direct:api-me-phone").routeId("api-me-phone").routeConfigurationId(ProblemResponses.API_ERRORS)
                .bean("zaloMeApi", "phone");
        from("direct:api-notifications").routeId("api-notifications").routeConfigurationId(ProblemResponses.API_ERRORS)
                .bean("notificationApi", "mine");
    }
}
