package vn.govhub.connectors.cases;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The signature a case-handling system puts on its status callbacks to {@code /webhooks/cases/{province}}:
 * header {@value #TIMESTAMP_HEADER} = Unix seconds, header {@value #SIGNATURE_HEADER} =
 * {@code sha256=} + lower-case hex of HMAC-SHA256(secret, timestamp + "." + raw body bytes). The secret is per
 * backend. Verification compares in constant time and refuses timestamps outside the window (replays).
 */
public final class CallbackSignature {

    public static final String TIMESTAMP_HEADER = "X-Govhub-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Govhub-Signature";
    private static final String PREFIX = "sha256=";

    public enum Verdict { VALID, MISSING, INVALID, STALE }

    private final byte[] secret;

    public CallbackSignature(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("callback secret is blank");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@value #SIGNATURE_HEADER} value for a body sent at {@code epochSeconds}. */
    public String sign(byte[] body, long epochSeconds) {
        return PREFIX + HexFormat.of().formatHex(mac(body, Long.toString(epochSeconds)));
    }

    public Verdict verify(byte[] body, String timestampHeader, String signatureHeader, Instant now, Duration window) {
        if (timestampHeader == null || signatureHeader == null || timestampHeader.isBlank() || signatureHeader.isBlank()) {
            return Verdict.MISSING;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Verdict.INVALID;
        }
        String given = signatureHeader.trim();
        if (!given.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Verdict.INVALID;
        }
        byte[] expected = HexFormat.of().formatHex(mac(body, timestampHeader.trim())).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = given.substring(PREFIX.length()).toLowerCase().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            return Verdict.INVALID;
        }
        long age = Math.abs(now.getEpochSecond() - seconds);
        return age > window.toSeconds() ? Verdict.STALE : Verdict.VALID;
    }

    private byte[] mac(byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
