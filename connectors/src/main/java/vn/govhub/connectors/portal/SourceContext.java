package vn.govhub.connectors.portal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What the normaliser needs to know about the source an item came from.
 *
 * @param sourceId    the configured source id
 * @param province    the province the source belongs to
 * @param category    the category its items are filed under, or null
 * @param baseUrl     absolute http(s) URL the feed or page was fetched from: the base for relative links, and
 *                    the link of items that have none of their own
 * @param datePattern the source's custom date pattern (see {@link VietnameseDates}), or null
 */
public record SourceContext(String sourceId, String province, String category, String baseUrl, String datePattern) {

    public SourceContext {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("sourceId must not be blank");
        }
        if (province == null || province.isBlank()) {
            throw new IllegalArgumentException("province must not be blank");
        }
        if (category != null && category.isBlank()) {
            throw new IllegalArgumentException("category must be null or non-blank");
        }
        if (baseUrl == null) {
            throw new IllegalArgumentException("baseUrl is required");
        }
        try {
            URI uri = new URI(baseUrl);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getMessage(), e);
        }
        if (datePattern != null) {
            VietnameseDates.compilePattern(datePattern);
        }
    }
}
