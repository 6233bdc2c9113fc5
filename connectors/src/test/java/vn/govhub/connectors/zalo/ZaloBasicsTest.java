package vn.govhub.connectors.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZaloBasicsTest {

    @ParameterizedTest
    @CsvSource({"0912345678,84912345678", "+84912345678,84912345678", "84 912 345 678,84912345678",
            "0912.345.678,84912345678", "(+84) 387-654-321,84387654321", "0563456789,84563456789"})
    void phonesAreNormalisedTo84(String input, String expected) {
        assertThat(PhoneNumbers.toZalo(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "0212345678", "091234567", "09123456789", "+1 555 123 4567", "abc0912345678"})
    void nonVietnameseMobilesAreRefused(String input) {
        assertThatThrownBy(() -> PhoneNumbers.toZalo(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maskedPhoneHidesTheMiddle() {
        assertThat(PhoneNumbers.mask("84912345678")).isEqualTo("84912***678");
    }

    @Test
    void pkceChallengeIsTheRfc7636Example() {
        // RFC 7636 appendix B; also: printf %s <verifier> | openssl dgst -sha256 -binary | base64url
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        Pkce pkce = Pkce.generate();
        assertThat(pkce.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(pkce.challenge()).isEqualTo(Pkce.challengeOf(pkce.verifier()));
    }

    @ParameterizedTest
    @CsvSource({"-32,TRANSIENT", "-100,TRANSIENT", "-216,TOKEN", "-220,TOKEN", "-124,TOKEN", "-213,PERMANENT",
            "-230,PERMANENT", "-232,PERMANENT", "-108,PERMANENT", "-118,PERMANENT", "-109,PERMANENT",
            "-112,PERMANENT", "-144,PERMANENT", "-201,PERMANENT"})
    void errorCodesAreClassified(int code, ZaloErrors.Kind kind) {
        assertThat(ZaloErrors.classify(code)).isEqualTo(kind);
        assertThat(ZaloException.of(code, "x").code()).isEqualTo(code);
    }

    @Test
    void webhookEnvelopeIsRead() {
        String body = "{\"app_id\":\"1\",\"event_name\":\"user_received_message\",\"timestamp\":\"1764300000000\","
                + "\"sender\":{\"id\":\"oa\"},\"recipient\":{\"id\":\"84912345678\"},"
                + "\"message\":{\"msg_id\":\"z-9\",\"tracking_id\":\"n-42\",\"delivery_time\":\"1764300000500\"}}";
        ZaloWebhookEvent event = ZaloWebhookEvent.parse(body.getBytes(StandardCharsets.UTF_8), true);
        assertThat(event.trackingId()).isEqualTo("n-42");
        assertThat(event.msgId()).isEqualTo("z-9");
        assertThat(event.citizenOaId()).isNull();
        assertThat(event.dedupeKey()).isEqualTo("user_received_message:z-9");
        assertThat(event.sentAt().toEpochMilli()).isEqualTo(1764300000000L);
        assertThatThrownBy(() -> ZaloWebhookEvent.parse("[1]".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
