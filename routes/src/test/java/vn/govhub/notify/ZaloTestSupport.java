package vn.govhub.notify;

import org.springframework.test.context.DynamicPropertyRegistry;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.testing.Upstreams;

import java.util.Base64;

/** Properties that point a hub at a Zalo simulator (config dir src/test/resources/zalo-config). */
final class ZaloTestSupport {

    /** A test-only AES key (32 bytes of 7s): the tokens in the test database are encrypted with it. */
    static final String DATA_KEY = Base64.getEncoder().encodeToString("7".repeat(32).getBytes());

    private ZaloTestSupport() {
    }

    static void register(DynamicPropertyRegistry registry, Upstreams upstreams) {
        upstreams.register(registry);
        registry.add("govhub.security.data-key", () -> DATA_KEY);
    }

    static String[] args(ZaloSimulator zalo) {
        return new String[] {"--test.zalo=" + zalo.baseUrl(), "--test.zalo-app-id=" + zalo.appId(),
                "--test.zalo-app-secret=" + zalo.appSecret(), "--test.zalo-oa-id=" + zalo.oaId(),
                "--test.zalo-oa-secret=" + zalo.oaSecretKey(), "--govhub.security.data-key=" + DATA_KEY};
    }
}
