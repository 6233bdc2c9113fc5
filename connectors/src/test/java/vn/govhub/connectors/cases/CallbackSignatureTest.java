package vn.govhub.connectors.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    private static final byte[] BODY = "{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56.14-261128-0001\",\"TrangThai\":\"2\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    /**
     * Computed independently: {@code printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac 'so-mot-cua-secret'}.
     */
    private static final String VECTOR = "sha256=998de603ca0c9710050524d62acfcf097ed4b6fc4484d874c50ab6bc79059180";
    private static final Instant AT = Instant.ofEpochSecond(1_700_000_030L);
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final CallbackSignature signature = new CallbackSignature("so-mot-cua-secret");

    @Test
    void signsAsOpensslDoes() {
        assertThat(signature.sign(BODY, 1_700_000_000L)).isEqualTo(VECTOR);
    }

    @Test
    void acceptsOnlyTheRightSignatureInsideTheWindow() {
        assertThat(signature.verify(BODY, "1700000000", VECTOR, AT, WINDOW)).isEqualTo(CallbackSignature.Verdict.VALID);
        assertThat(signature.verify(BODY, "1700000000", VECTOR.toUpperCase().replace("SHA256=", "sha256="), AT, WINDOW))
                .isEqualTo(CallbackSignature.Verdict.VALID);
        assertThat(signature.verify(BODY, "1700000001", VECTOR, AT, WINDOW)).isEqualTo(CallbackSignature.Verdict.INVALID);
        assertThat(signature.verify("{}".getBytes(StandardCharsets.UTF_8), "1700000000", VECTOR, AT, WINDOW))
                .isEqualTo(CallbackSignature.Verdict.INVALID);
        assertThat(new CallbackSignature("other").verify(BODY, "1700000000", VECTOR, AT, WINDOW)).isEqualTo(CallbackSignature.Verdict.INVALID);
        assertThat(signature.verify(BODY, "1700000000", VECTOR.substring(7), AT, WINDOW)).isEqualTo(CallbackSignature.Verdict.INVALID);
        assertThat(signature.verify(BODY, "soon", VECTOR, AT, WINDOW)).isEqualTo(CallbackSignature.Verdict.INVALID);
        assertThat(signature.verify(BODY, null, VECTOR, AT, WINDOW)).isEqualTo(CallbackSignature.Verdict.MISSING);
        assertThat(signature.verify(BODY, "1700000000", " ", AT, WINDOW)).isEqualTo(CallbackSignature.Verdict.MISSING);
        assertThat(signature.verify(BODY, "1700000000", VECTOR, AT.plus(Duration.ofHours(1)), WINDOW))
                .isEqualTo(CallbackSignature.Verdict.STALE);
        assertThatThrownBy(() -> new CallbackSignature(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
