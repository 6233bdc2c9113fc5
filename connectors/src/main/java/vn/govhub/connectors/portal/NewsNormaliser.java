package vn.govhub.connectors.portal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import vn.govhub.model.NewsItem;
import vn.govhub.text.VietnameseText;

/**
 * Turns a {@link RawItem} from a feed or list page into the hub's {@link NewsItem}: text in NFC, title as plain
 * text, link absolute and canonical, summary sanitised, excerpt and image derived, date read (or first-seen and
 * flagged), dedupe key and content hash computed. The one place where source data is cleaned, so that feeds and
 * list pages obey the same rules.
 *
 * <p>Thread-safe.
 */
public final class NewsNormaliser {

    /**
     * What survives in a summary: text structure, emphasis, lists, links and images, with http(s) URLs only.
     * Everything else (script, style, iframe, on* handlers, style attributes, javascript: and data: URLs) goes.
     */
    static final Safelist SUMMARY_SAFELIST = new Safelist()
            .addTags("p", "br", "b", "i", "strong", "em", "ul", "ol", "li", "a", "img")
            .addAttributes("a", "href")
            .addAttributes("img", "src", "alt")
            .addProtocols("a", "href", "http", "https")
            .addProtocols("img", "src", "http", "https");

    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");
    private static final String ELLIPSIS = "…";
    private static final String TRAILING_PUNCTUATION = ",;:-–—([{'\"";

    private final Clock clock;

    public NewsNormaliser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Normalises an item seen now (by the clock). */
    public NewsItem normalise(RawItem raw, SourceContext source) {
        return normalise(raw, source, clock.instant());
    }

    /**
     * Normalises an item.
     *
     * @param firstSeen when the hub first saw the item; its published time when the source gives none
     * @throws PermanentSourceException when the item has no usable title
     */
    public NewsItem normalise(RawItem raw, SourceContext source, Instant firstSeen) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(firstSeen, "firstSeen");

        String title = plainText(raw.title());
        Optional<String> ownLink = canonicalLink(raw.link(), source.baseUrl());
        if (title.isEmpty()) {
            throw new PermanentSourceException("item without a title from source " + source.sourceId()
                    + ownLink.map(l -> " (link " + l + ")").orElse(""));
        }
        String link = ownLink.or(() -> canonicalLink(source.baseUrl(), source.baseUrl())).orElseThrow();
        String summaryHtml = sanitise(raw.summaryHtml(), source.baseUrl());
        Document summary = Jsoup.parseBodyFragment(summaryHtml);
        String excerpt = excerpt(VietnameseText.collapseWhitespace(VietnameseText.nfc(summary.text())));
        String imageUrl = absoluteHttpUrl(raw.imageUrl(), source.baseUrl())
                .or(() -> Optional.ofNullable(summary.selectFirst("img[src]")).map(img -> img.attr("src")))
                .orElse(null);

        Optional<Instant> published = VietnameseDates.parse(raw.dateText(), source.datePattern())
                .or(() -> Optional.ofNullable(raw.date()));
        String key = dedupeKey(raw, ownLink, title);
        String contentHash = sha256Hex(title + "\n" + summaryHtml);

        return new NewsItem(source.sourceId(), source.province(), source.category(), key, title, link, summaryHtml,
                excerpt, imageUrl, published.orElse(firstSeen), published.isEmpty(), contentHash);
    }

    // ---- text ----

    /** Markup stripped, entities decoded, NFC, whitespace collapsed; "" for null. */
    static String plainText(String html) {
        if (html == null) {
            return "";
        }
        String text = Jsoup.parseBodyFragment(VietnameseText.nfc(html)).text();
        return VietnameseText.collapseWhitespace(VietnameseText.nfc(text));
    }

    /** Safelisted HTML with absolute URLs, NFC, compact; "" for null. */
    static String sanitise(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        String clean = Jsoup.clean(VietnameseText.nfc(html), baseUrl, SUMMARY_SAFELIST, compact);
        return VietnameseText.nfc(clean).strip();
    }

    /**
     * At most {@link NewsItem#EXCERPT_MAX_LENGTH} characters: whole when it fits, else cut after the last whole
     * word that fits and ended with "…".
     */
    static String excerpt(String text) {
        int max = NewsItem.EXCERPT_MAX_LENGTH;
        if (text.length() <= max) {
            return text;
        }
        int limit = max - ELLIPSIS.length();
        int cut = limit;
        while (cut > 0 && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        if (cut == 0) {
            // one enormous "word" (a URL, say): cut it, but never between the halves of a surrogate pair
            cut = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        }
        int end = cut;
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1))
                || TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    // ---- keys ----

    private static String dedupeKey(RawItem raw, Optional<String> ownLink, String title) {
        if (raw.guid() != null && !raw.guid().isBlank()) {
            return VietnameseText.nfc(raw.guid().strip());
        }
        if (ownLink.isPresent()) {
            return ownLink.get();
        }
        // neither guid nor link: the title and the date as written are all that identify the item;
        // never the first-seen time, which differs at every poll
        String date = raw.dateText() != null ? raw.dateText().strip()
                : raw.date() != null ? raw.date().toString() : "";
        return sha256Hex(VietnameseText.fold(title) + "|" + date);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    // ---- URLs ----

    /**
     * The canonical form of {@code link} resolved against {@code baseUrl}: absolute, http(s) only, scheme and
     * host lower-case, default port, user info and fragment dropped, empty path as "/", {@code utm_*} query
     * parameters dropped (the others kept in order), non-ASCII and illegal characters percent-encoded with
     * upper-case hex. Empty when {@code link} is missing, unparseable or not http(s).
     */
    public static Optional<String> canonicalLink(String link, String baseUrl) {
        return resolve(link, baseUrl).map(uri -> build(uri, true));
    }

    /** {@code url} resolved against {@code baseUrl}, when it is http(s); query kept as is. */
    static Optional<String> absoluteHttpUrl(String url, String baseUrl) {
        return resolve(url, baseUrl).map(uri -> build(uri, false));
    }

    private static Optional<URI> resolve(String link, String baseUrl) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            URI base = new URI(escapeIllegal(baseUrl.strip()));
            if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
                // URI.resolve would glue "a.html" straight onto the host
                base = new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
            }
            URI uri = base.resolve(new URI(escapeIllegal(link.strip()))).normalize();
            if (uri.getRawPath() != null && uri.getRawPath().startsWith("/..")) {
                // dot segments above the root go (RFC 3986 §5.2.4): "http://h/../a" is "http://h/a"
                String path = uri.getRawPath().replaceFirst("^(/\\.\\.)+(?=/|$)", "");
                uri = new URI(uri.getScheme() + "://" + uri.getRawAuthority() + (path.isEmpty() ? "/" : path)
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String build(URI uri, boolean dropTracking) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
            url.append(':').append(port);
        }
        String path = uri.getRawPath();
        url.append(path == null || path.isEmpty() ? "/" : path);
        String query = uri.getRawQuery();
        if (query != null && dropTracking) {
            List<String> kept = new ArrayList<>();
            for (String parameter : query.split("&")) {
                if (!parameter.isEmpty() && !parameter.toLowerCase(Locale.ROOT).startsWith("utm_")) {
                    kept.add(parameter);
                }
            }
            query = kept.isEmpty() ? null : String.join("&", kept);
        }
        if (query != null && !query.isEmpty()) {
            url.append('?').append(query);
        }
        String ascii;
        try {
            ascii = new URI(url.toString()).toASCIIString();
        } catch (URISyntaxException e) {
            ascii = url.toString();
        }
        return upperCaseEscapes(ascii);
    }

    private static String upperCaseEscapes(String url) {
        Matcher m = PERCENT_ESCAPE.matcher(url);
        StringBuilder out = new StringBuilder(url.length());
        while (m.find()) {
            m.appendReplacement(out, m.group().toUpperCase(Locale.ROOT));
        }
        return m.appendTail(out).toString();
    }

    /** Percent-encodes what real-world links contain but RFC 3986 forbids (spaces, |, {, stray %...); drops tabs and newlines. */
    private static String escapeIllegal(String link) {
        StringBuilder out = new StringBuilder(link.length());
        for (int i = 0; i < link.length(); i++) {
            char c = link.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue; // links wrapped over lines in the source, dropped as browsers do
            }
            if (c == '%' && !(i + 2 < link.length() && isHex(link.charAt(i + 1)) && isHex(link.charAt(i + 2)))) {
                out.append("%25");
            } else if (c <= 0x20 || c == 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append(String.format("%%%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
