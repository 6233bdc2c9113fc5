package vn.govhub.feedback;

import java.util.Base64;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.govhub.sandbox.agency.AgencySimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;

/** Properties that point a hub at the simulators of the feedback tests (config dir src/test/resources/feedback-config). */
public final class FeedbackTestSupport {

    private FeedbackTestSupport() {
    }

    public static void register(DynamicPropertyRegistry registry, ZaloSimulator zalo, AgencySimulator agency) {
        registry.add("test.zalo", zalo::baseUrl);
        registry.add("test.zalo-app-id", zalo::appId);
        registry.add("test.zalo-app-secret", zalo::appSecret);
        registry.add("test.zalo-oa-id", zalo::oaId);
        registry.add("test.zalo-oa-secret", zalo::oaSecretKey);
        registry.add("test.agency", agency::baseUrl);
        registry.add("test.agency-token", () -> AgencySimulator.DEFAULT_TOKEN);
        registry.add("govhub.security.data-key", () -> Base64.getEncoder().encodeToString("8".repeat(32).getBytes()));
    }
}
