package vn.govhub.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature upstream systems put on their callbacks to the hub: header {@code X-Govhub-Timestamp} with the
 * epoch second, header {@code X-Govhub-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))}. It is
 * computed here with javax.crypto, not with the hub's code, so the hub's verification is tested against an
 * independent signer rather than against itself.
 */
public final class CallbackSignature {

    private CallbackSignature() {
    }

    /** The {@code X-Govhub-Signature} value for this body sent at this timestamp. */
    public static String of(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
