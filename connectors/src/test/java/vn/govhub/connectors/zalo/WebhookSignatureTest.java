package vn.govhub.connectors.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.govhub.connectors.zalo.WebhookSignature.First;
import vn.govhub.connectors.zalo.WebhookSignature.Keys;
import vn.govhub.connectors.zalo.WebhookSignature.Last;
import vn.govhub.connectors.zalo.WebhookSignature.Variant;

/**
 * Expected values computed outside the code under test, with coreutils:
 * {@code printf '%s' '<app id><body><timestamp><secret>' | sha256sum}.
 */
class WebhookSignatureTest {

    private static final Keys KEYS = new Keys("3210987654321", "579745863508352884", "app-secret-XYZ", "oa-secret-KEY-123");

    private static final String FOLLOW = "{\"app_id\":\"3210987654321\",\"event_name\":\"follow\",\"timestamp\":\"1764300000000\","
            + "\"oa_id\":\"579745863508352884\",\"follower\":{\"id\":\"246845883529197922\"}}";
    private static final String FOLLOW_MAC = "mac=88a3bd52f825c1e026c0b1a56bd52a292bf8ac7eea57385b0561c3a44dc651aa";

    private static final String TEXT = "{\"app_id\":\"3210987654321\",\"event_name\":\"user_send_text\",\"timestamp\":\"1764300001234\","
            + "\"sender\":{\"id\":\"246845883529197922\"},\"recipient\":{\"id\":\"579745863508352884\"},"
            + "\"message\":{\"msg_id\":\"m-1\",\"text\":\"Tra cứu hồ sơ H22.14-261128-0001\"}}";
    private static final String TEXT_MAC = "mac=1b1998a702efbff50fbb884c4307243a125e3a4582ec4bfb18bbf926edcefa6c";

    private static final String UNFOLLOW = "{\"event_name\":\"unfollow\",\"timestamp\":\"1764300002000\"}";
    private static final String UNFOLLOW_OA_ID_APP_SECRET_MAC = "mac=ba2dd966f13527c759f48a670db50f0e5ec518414b0bd929f9a6ec9c5849131a";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void defaultVariantMatchesIndependentVectors() {
        assertThat(WebhookSignature.sign(Variant.DEFAULT, KEYS, utf8(FOLLOW), "1764300000000")).isEqualTo(FOLLOW_MAC);
        assertThat(WebhookSignature.verify(Variant.DEFAULT, KEYS, utf8(FOLLOW), "1764300000000", FOLLOW_MAC)).isTrue();
    }

    @Test
    void vietnameseBodyIsSignedAsItsUtf8Bytes() {
        assertThat(WebhookSignature.verify(Variant.DEFAULT, KEYS, utf8(TEXT), "1764300001234", TEXT_MAC)).isTrue();
    }

    @Test
    void otherVariantUsesOaIdAndAppSecret() {
        Variant variant = new Variant(First.OA_ID, Last.APP_SECRET);
        assertThat(WebhookSignature.verify(variant, KEYS, utf8(UNFOLLOW), "1764300002000", UNFOLLOW_OA_ID_APP_SECRET_MAC)).isTrue();
        assertThat(WebhookSignature.verify(Variant.DEFAULT, KEYS, utf8(UNFOLLOW), "1764300002000", UNFOLLOW_OA_ID_APP_SECRET_MAC)).isFalse();
    }

    @Test
    void upperCaseHexAndSurroundingSpaceAreAccepted() {
        assertThat(WebhookSignature.verify(Variant.DEFAULT, KEYS, utf8(FOLLOW), "1764300000000",
                " mac=" + FOLLOW_MAC.substring(4).toUpperCase() + " ")).isTrue();
    }

    @Test
    void anyChangeOrMalformedHeaderIsRefused() {
        byte[] body = utf8(FOLLOW);
        assertThat(WebhookSignature.verify(Variant.DEFAULT, KEYS, utf8(FOLLOW.replace("follow", "unfollow")), "1764300000000", FOLLOW_MAC)).isFalse();
        assertThat(WebhookSignature.verify(Variant.DEFAULT, KEYS, body, "1764300000001", FOLLOW_MAC)).isFalse();
        assertThat(WebhookSignature.verify(Variant.DEFAULT, new Keys("3210987654321", "579745863508352884", "app-secret-XYZ", "other"),
                body, "1764300000000", FOLLOW_MAC)).isFalse();
        assertThat(WebhookSignature.verify(Variant.DEFAULT, KEYS, body, "1764300000000", null)).isFalse();
        assertThat(WebhookSignature.verify(Variant.DEFAULT, KEYS, body, "1764300000000", FOLLOW_MAC.substring(4))).isFalse();
        assertThat(WebhookSignature.verify(Variant.DEFAULT, KEYS, body, "1764300000000", "mac=zz" + FOLLOW_MAC.substring(6))).isFalse();
        assertThat(WebhookSignature.verify(Variant.DEFAULT, KEYS, body, "1764300000000", FOLLOW_MAC + "00")).isFalse();
    }
}
