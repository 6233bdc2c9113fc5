package vn.govhub.feedback;

import org.springframework.test.context.DynamicPropertyRegistry;
import vn.govhub.testing.Upstreams;

import java.util.Base64;

/** Properties that point a hub at the simulators of the feedback tests (config dir src/test/resources/feedback-config). */
public final class FeedbackTestSupport {

    private FeedbackTestSupport() {
    }

    public static void register(DynamicPropertyRegistry registry, Upstreams upstreams) {
        upstreams.register(registry);
        registry.add("govhub.security.data-key", () -> Base64.getEncoder().encodeToString("8".repeat(32).getBytes()));
    }
}
