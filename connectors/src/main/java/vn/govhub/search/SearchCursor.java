package vn.govhub.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import vn.govhub.text.VietnameseText;

/**
 * The opaque page cursor: the offset of the next page plus a fingerprint of the query (text and filters, not the
 * page size) so a cursor handed back with a different query is refused instead of paging through the wrong
 * results. An index is immutable, and the sort ends on the unique code, so an offset always names the same
 * position within one index.
 */
final class SearchCursor {

    private static final byte VERSION = 1;
    private static final int LENGTH = 1 + Integer.BYTES + Long.BYTES;

    private SearchCursor() {
    }

    static String encode(SearchQuery query, int offset) {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH).put(VERSION).putInt(offset).putLong(fingerprint(query));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The offset {@code query.cursor()} points at, 0 without a cursor. */
    static int offset(SearchQuery query) {
        if (query.cursor() == null) {
            return 0;
        }
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(query.cursor()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed cursor", e);
        }
        if (bytes.remaining() != LENGTH || bytes.get() != VERSION) {
            throw new IllegalArgumentException("malformed cursor");
        }
        int offset = bytes.getInt();
        if (offset < 0 || bytes.getLong() != fingerprint(query)) {
            throw new IllegalArgumentException("cursor belongs to another query");
        }
        return offset;
    }

    private static long fingerprint(SearchQuery query) {
        String text = query.text() == null ? "" : VietnameseText.collapseWhitespace(VietnameseText.nfc(query.text()))
                .toLowerCase(Locale.ROOT);
        String canonical = String.join("\u0000", text, Objects.toString(query.sector(), ""),
                Objects.toString(query.level(), ""), Objects.toString(query.agency(), ""),
                Objects.toString(query.onlineLevel(), ""), Boolean.toString(query.includeWithdrawn()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
