package vn.govhub.sandbox.portal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A rendered view with the validators a conditional GET is answered from. The ETag is a digest of the body, so
 * the same content always carries the same tag, also across restarts, as a real portal's cache would give it.
 *
 * @param version the content version it was rendered from (0 for content that never changes)
 * @param baseUrl the base URL its links were written with
 */
record Rendered(long version, String baseUrl, byte[] body, String etag, Instant lastModified) {

    static Rendered of(long version, String baseUrl, byte[] body, Instant lastModified) {
        return new Rendered(version, baseUrl, body, etag(body), lastModified);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
