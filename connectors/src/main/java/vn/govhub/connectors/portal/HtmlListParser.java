package vn.govhub.connectors.portal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads a portal's HTML news list page ("Tin tức") into {@link RawItem}s, for portals that publish no feed.
 * Links and images are resolved against the page URL (or the page's {@code <base href>}); dates are read with
 * {@link VietnameseDates} and the source's pattern. Items without a title are skipped (they are usually
 * banners that happen to match the item selector).
 *
 * <p>Thread-safe.
 */
public final class HtmlListParser {

    public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

    private static final List<String> IMAGE_ATTRIBUTES = List.of("data-src", "data-original", "src");

    private final HtmlSelectors selectors;
    private final int maxBytes;

    public HtmlListParser(HtmlSelectors selectors) {
        this(selectors, DEFAULT_MAX_BYTES);
    }

    public HtmlListParser(HtmlSelectors selectors, int maxBytes) {
        this.selectors = Objects.requireNonNull(selectors, "selectors");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Parses a list page.
     *
     * @param body          the bytes as received
     * @param headerCharset the charset from the Content-Type header, or null to detect it (BOM, meta tag, UTF-8)
     * @param pageUrl       the absolute URL the page was fetched from, the base for relative links
     * @return the items in page order
     * @throws PermanentSourceException when the body is empty or too large, the charset is unknown, or the item
     *                                  selector matches nothing (the page layout has probably changed)
     */
    public List<RawItem> parse(byte[] body, String headerCharset, String pageUrl) {
        Objects.requireNonNull(pageUrl, "pageUrl");
        if (body == null || body.length == 0) {
            throw new PermanentSourceException("list page body is empty");
        }
        if (body.length > maxBytes) {
            throw new PermanentSourceException(
                    "list page body is " + body.length + " bytes, more than the limit of " + maxBytes);
        }
        Document page = parseHtml(body, headerCharset, pageUrl);
        Elements elements = page.select(selectors.item());
        if (elements.isEmpty()) {
            throw new PermanentSourceException("item selector '" + selectors.item() + "' matched nothing on "
                    + pageUrl + "; has the page layout changed?");
        }
        List<RawItem> items = new ArrayList<>(elements.size());
        for (Element element : elements) {
            RawItem item = toRawItem(element);
            if (item != null) {
                items.add(item);
            }
        }
        return List.copyOf(items);
    }

    private static Document parseHtml(byte[] body, String headerCharset, String pageUrl) {
        String charset = headerCharset == null || headerCharset.isBlank() ? null : headerCharset.trim();
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset, pageUrl);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new PermanentSourceException("list page declares unknown charset '" + charset + "'", e);
        } catch (IOException e) {
            // reading a byte array does not fail; keep the compiler honest without hiding a surprise
            throw new UncheckedIOException(e);
        }
    }

    private RawItem toRawItem(Element item) {
        Element titleElement = item.selectFirst(selectors.title());
        String title = titleElement == null ? null : titleElement.text();
        if (title == null || title.isBlank()) {
            return null;
        }
        String link = link(item, titleElement);
        String dateText = dateText(item);
        String summary = selectors.summary() == null ? null : htmlOf(item.selectFirst(selectors.summary()));
        String image = selectors.image() == null ? null : imageOf(item.selectFirst(selectors.image()));
        return new RawItem(title, link, null, summary, dateText,
                VietnameseDates.parse(dateText, selectors.datePattern()).orElse(null), image);
    }

    private String link(Element item, Element titleElement) {
        if (selectors.link() != null) {
            return hrefOf(item.selectFirst(selectors.link()));
        }
        String own = hrefOf(titleElement);
        if (own != null) {
            return own;
        }
        for (Element parent : titleElement.parents()) {
            if (parent.nameIs("a") && parent.hasAttr("href")) {
                return absolute(parent, "href");
            }
            if (parent == item) {
                break;
            }
        }
        return null;
    }

    private static String hrefOf(Element element) {
        if (element == null) {
            return null;
        }
        if (element.hasAttr("href")) {
            return absolute(element, "href");
        }
        Element anchor = element.selectFirst("a[href]");
        return anchor == null ? null : absolute(anchor, "href");
    }

    private String dateText(Element item) {
        if (selectors.date() == null) {
            return null;
        }
        Element element = item.selectFirst(selectors.date());
        if (element == null) {
            return null;
        }
        String text = element.hasAttr("datetime") ? element.attr("datetime") : element.text();
        return text.isBlank() ? null : text.trim();
    }

    private static String htmlOf(Element element) {
        return element == null ? null : element.html();
    }

    private static String imageOf(Element element) {
        if (element == null) {
            return null;
        }
        Element img = element.nameIs("img") ? element : element.selectFirst("img");
        Element source = img != null ? img : element;
        for (String attribute : IMAGE_ATTRIBUTES) {
            String url = absolute(source, attribute);
            if (url != null && !url.startsWith("data:")) {
                return url;
            }
        }
        return null;
    }

    private static String absolute(Element element, String attribute) {
        String value = element.attr(attribute).trim();
        if (value.isEmpty()) {
            return null;
        }
        String resolved = element.absUrl(attribute);
        // absUrl gives "" when it cannot resolve; keep the raw value so the normaliser can report it
        return resolved.isEmpty() ? value : resolved;
    }
}
