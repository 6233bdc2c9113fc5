package vn.govhub.connectors.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Zalo's webhook signature: header {@code X-ZEvent-Signature: mac=<hex>}, where hex is the plain SHA-256 (not an
 * HMAC) of {@code first + rawBody + timestamp + secret}. rawBody is the exact bytes received, timestamp the body's
 * {@code timestamp} field. Sources disagree on the first term (app id or OA id) and the last (OA secret key or app
 * secret), hence {@link Variant}; the default is app id and OA secret key.
 */
public final class WebhookSignature {

    public enum First { APP_ID, OA_ID }

    public enum Last { OA_SECRET, APP_SECRET }

    public record Variant(First first, Last last) {
        public static final Variant DEFAULT = new Variant(First.APP_ID, Last.OA_SECRET);
    }

    /** The ids and secrets of one app and OA; which of them sign depends on the variant. */
    public record Keys(String appId, String oaId, String appSecret, String oaSecretKey) {
        @Override
        public String toString() {
            return "Keys[app " + appId + ", oa " + oaId + "]";
        }
    }

    private static final String PREFIX = "mac=";

    private WebhookSignature() {
    }

    /** The header value Zalo sends for this body: {@code mac=<64 hex>}. */
    public static String sign(Variant variant, Keys keys, byte[] rawBody, String timestamp) {
        return PREFIX + HexFormat.of().formatHex(digest(variant, keys, rawBody, timestamp));
    }

    /** Whether {@code header} is the signature of this body; false for a missing or malformed header. */
    public static boolean verify(Variant variant, Keys keys, byte[] rawBody, String timestamp, String header) {
        if (header == null || timestamp == null) {
            return false;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String hex = value.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        if (hex.length() != 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, digest(variant, keys, rawBody, timestamp));
    }

    private static byte[] digest(Variant variant, Keys keys, byte[] rawBody, String timestamp) {
        String first = variant.first() == First.APP_ID ? keys.appId() : keys.oaId();
        String last = variant.last() == Last.OA_SECRET ? keys.oaSecretKey() : keys.appSecret();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(nonNull(first).getBytes(StandardCharsets.UTF_8));
            sha.update(rawBody);
            sha.update(timestamp.getBytes(StandardCharsets.UTF_8));
            sha.update(nonNull(last).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
