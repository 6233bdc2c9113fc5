package vn.govhub.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Objects;

/**
 * One news item (tin tức) published by a provincial portal, as the hub stores and serves it.
 * Unique per ({@code sourceId}, {@code key}).
 *
 * @param sourceId    the configured source the item came from
 * @param province    the province the source belongs to
 * @param category    the source's category, or {@code null} when the source has none
 * @param key         dedupe key, stable across polls: the feed's guid, else the canonical link, else a hash
 * @param title       plain text, NFC
 * @param link        absolute http(s) URL of the article, canonical (no fragment, no utm_* parameters); when the
 *                    item carries no link of its own, the source page's URL
 * @param summaryHtml sanitised HTML (a small safelist, absolute http(s) URLs only); may be empty
 * @param excerpt     plain text of the summary, at most {@value #EXCERPT_MAX_LENGTH} characters, cut at a word
 *                    boundary and ended with "…" when shortened; may be empty
 * @param imageUrl    absolute http(s) URL of the item's image, or {@code null}
 * @param publishedAt when the source says the item was published, or when the hub first saw it if
 *                    {@code dateFlagged}
 * @param dateFlagged true when the source gave no parseable date and {@code publishedAt} is the first-seen time
 * @param contentHash SHA-256 (hex) of title and summary; a change means the source edited the item
 */
public record NewsItem(
        String sourceId,
        String province,
        String category,
        String key,
        String title,
        String link,
        String summaryHtml,
        String excerpt,
        String imageUrl,
        Instant publishedAt,
        boolean dateFlagged,
        String contentHash) {

    public static final int EXCERPT_MAX_LENGTH = 300;

    public NewsItem {
        requireNonBlank(sourceId, "sourceId");
        requireNonBlank(province, "province");
        if (category != null) {
            requireNonBlank(category, "category");
        }
        requireNonBlank(key, "key");
        requireNonBlank(title, "title");
        requireHttpUrl(link, "link");
        Objects.requireNonNull(summaryHtml, "summaryHtml");
        Objects.requireNonNull(excerpt, "excerpt");
        if (excerpt.length() > EXCERPT_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "excerpt is " + excerpt.length() + " characters, at most " + EXCERPT_MAX_LENGTH + " allowed");
        }
        if (imageUrl != null) {
            requireHttpUrl(imageUrl, "imageUrl");
        }
        Objects.requireNonNull(publishedAt, "publishedAt");
        requireNonBlank(contentHash, "contentHash");
        if (!contentHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("contentHash must be 64 lower-case hex digits (SHA-256)");
        }
    }

    private static void requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireHttpUrl(String value, String name) {
        requireNonBlank(value, name);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL: " + value);
        }
    }
}
