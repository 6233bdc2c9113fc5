package vn.govhub.connectors.portal;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;

/**
 * Parses RSS (0.9x, 1.0, 2.0) and Atom feeds into {@link RawItem}s.
 *
 * <p>The bytes go through three gates before Rome maps them, each failing with a
 * {@link PermanentSourceException} that names the cause:
 * <ol>
 *   <li>size and encoding: the body is decoded strictly, with the charset from a byte-order mark, else the
 *       Content-Type header, else the XML declaration, else UTF-8. When the header and the declaration disagree,
 *       the one the bytes fit wins. Bytes that fit no declaration are refused, and so is a legacy single-byte
 *       charset declared over bytes that are plainly UTF-8 (decoding would silently produce mojibake);</li>
 *   <li>the prolog: a body that is HTML or not XML at all is refused, and so is any DOCTYPE, because a feed
 *       never needs one and it is the door to XXE and entity-expansion ("billion laughs") attacks;</li>
 *   <li>the XML parser itself, configured to refuse DOCTYPEs and external entities, as a second line.</li>
 * </ol>
 * The first two gates are {@link FeedDecoder}'s; the parser and the mapping to {@link RawItem}s are here.
 * The document is built here and handed to Rome as a JDOM tree, rather than letting Rome read the bytes, so
 * that the raw date strings and media elements are still at hand: Rome keeps only the dates it can parse
 * itself, and portals often write theirs in Vietnamese day-first form. Rome's own
 * {@code setAllowDoctypes(false)} therefore is not on this path; it only guards Rome's own parsing, and only when
 * the SAX parser supports the {@code disallow-doctype-decl} feature (the JDK's does; Rome silently skips
 * unsupported features), which is why the gates above do not rely on it.
 *
 * <p>Thread-safe: every call builds its own parser.
 */
public final class FeedParser {

    /** Larger than any real portal feed; a bigger body is a misconfigured source or an attack. */
    public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";
    private static final List<String> DATE_ELEMENTS =
            List.of("pubDate", "published", "date", "issued", "updated", "modified", "created");
    private static final Pattern IMAGE_FILE = Pattern.compile("(?i).*\\.(jpe?g|png|gif|webp|bmp|svg)(\\?.*)?$");

    private final int maxBytes;

    public FeedParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public FeedParser(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * The charset parameter of a Content-Type header value ({@code application/rss+xml; charset=UTF-8}), or
     * null when there is none.
     */
    public static String charsetOf(String contentType) {
        return FeedDecoder.charsetOf(contentType);
    }

    /**
     * Parses a feed body.
     *
     * @param body           the bytes as received
     * @param headerCharset  the charset from the Content-Type header (see {@link #charsetOf}), or null
     * @return the entries in document order
     * @throws PermanentSourceException when the body is empty, too large, wrongly encoded, has a DOCTYPE, is not
     *                                  XML, is malformed, or is XML but neither RSS nor Atom
     */
    public List<RawItem> parse(byte[] body, String headerCharset) {
        if (body == null || body.length == 0) {
            throw new PermanentSourceException("feed body is empty");
        }
        if (body.length > maxBytes) {
            throw new PermanentSourceException(
                    "feed body is " + body.length + " bytes, more than the limit of " + maxBytes);
        }
        String text = FeedDecoder.decode(body, headerCharset);
        FeedDecoder.checkProlog(text);
        Document document = buildDocument(text);
        SyndFeed feed = mapWithRome(document);
        return toRawItems(feed, itemElements(document.getRootElement()));
    }

    // ---- gate 3: the parser (gates 1 and 2 are FeedDecoder's) ----

    // package-private so the parser gate can be tested without the prolog gate in front of it
    static Document buildDocument(String text) {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        builder.setReuseParser(false);
        try {
            // the fixer turns stray HTML entities (&nbsp;, &eacute;) into character references, as Rome does
            return builder.build(new XmlFixerReader(new StringReader(text)));
        } catch (JDOMParseException e) {
            String message = e.getMessage();
            if (message != null && message.contains("DOCTYPE")) {
                throw new PermanentSourceException("feed has a DOCTYPE declaration, refused by the XML parser", e);
            }
            throw new PermanentSourceException("feed is malformed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + message, e);
        } catch (JDOMException | IOException e) {
            throw new PermanentSourceException("feed is malformed XML: " + e.getMessage(), e);
        }
    }

    private static SyndFeed mapWithRome(Document document) {
        SyndFeedInput input = new SyndFeedInput(false, Locale.US);
        input.setPreserveWireFeed(true);
        try {
            return input.build(document);
        } catch (IllegalArgumentException e) {
            throw new PermanentSourceException("not a feed: root element <" + document.getRootElement().getQualifiedName()
                    + "> is neither RSS nor Atom", e);
        } catch (FeedException | RuntimeException e) {
            throw new PermanentSourceException("feed could not be read: " + e.getMessage(), e);
        }
    }

    // ---- mapping ----

    /** The item/entry elements in document order: rss/channel/item, rdf:RDF/item, feed/entry. */
    private static List<Element> itemElements(Element root) {
        List<Element> items = new ArrayList<>();
        for (Element child : root.getChildren()) {
            String name = child.getName();
            if (name.equals("item") || name.equals("entry")) {
                items.add(child);
            } else if (name.equals("channel")) {
                for (Element grandChild : child.getChildren()) {
                    if (grandChild.getName().equals("item")) {
                        items.add(grandChild);
                    }
                }
            }
        }
        return items;
    }

    private static List<RawItem> toRawItems(SyndFeed feed, List<Element> elements) {
        List<SyndEntry> entries = feed.getEntries();
        boolean aligned = elements.size() == entries.size();
        List<RawItem> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            items.add(toRawItem(entries.get(i), aligned ? elements.get(i) : null));
        }
        return List.copyOf(items);
    }

    private static RawItem toRawItem(SyndEntry entry, Element element) {
        String dateText = element == null ? null : rawDate(element);
        Instant date = VietnameseDates.parse(dateText).orElseGet(() -> romeDate(entry));
        return new RawItem(entry.getTitle(), againstXmlBase(link(entry), element), guid(entry), summary(entry), dateText, date,
                againstXmlBase(image(entry, element), element));
    }

    /**
     * A relative link read against the {@code xml:base} in force where it stands (Atom, RFC 4287 §2): the entry's, else
     * its feed's, each itself relative to the one above. Without one, the link is left for the source URL to resolve.
     */
    static String againstXmlBase(String link, Element element) {
        if (link == null || element == null || link.isBlank()) {
            return link;
        }
        try {
            java.net.URI uri = new java.net.URI(link.strip());
            if (uri.isAbsolute()) {
                return link;
            }
            java.net.URI base = element.getXMLBaseURI();
            return base == null || !base.isAbsolute() ? link : base.resolve(uri).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return link;
        }
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().trim();
        }
        for (SyndLink link : entry.getLinks()) {
            if (link.getHref() != null && (link.getRel() == null || "alternate".equals(link.getRel()))) {
                return link.getHref().trim();
            }
        }
        return null;
    }

    /** Only an identifier the source itself gave: Rome fills in the link when an RSS item has no guid. */
    private static String guid(SyndEntry entry) {
        Object wire = entry.getWireEntry();
        if (wire instanceof Item item) {
            return item.getGuid() == null ? null : blankToNull(item.getGuid().getValue());
        }
        if (wire instanceof Entry atom) {
            return blankToNull(atom.getId());
        }
        return null;
    }

    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return description.getValue();
        }
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return content.getValue();
            }
        }
        return null;
    }

    private static String rawDate(Element item) {
        for (String name : DATE_ELEMENTS) {
            for (Element child : item.getChildren()) {
                if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
                    return child.getTextTrim();
                }
            }
        }
        return null;
    }

    private static Instant romeDate(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    private static String image(SyndEntry entry, Element element) {
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            String url = blankToNull(enclosure.getUrl());
            if (url != null && (enclosure.getType() != null
                    ? enclosure.getType().toLowerCase(Locale.ROOT).startsWith("image/")
                    : IMAGE_FILE.matcher(url).matches())) {
                return url.trim();
            }
        }
        if (element == null) {
            return null;
        }
        String thumbnail = null;
        for (Element child : element.getChildren()) {
            if (!MEDIA_RSS.equals(child.getNamespaceURI())) {
                continue;
            }
            String url = blankToNull(child.getAttributeValue("url"));
            if (url == null) {
                continue;
            }
            if (child.getName().equals("content")) {
                String medium = child.getAttributeValue("medium");
                String type = child.getAttributeValue("type");
                if ("image".equals(medium) || (type != null && type.startsWith("image/"))
                        || (medium == null && type == null && IMAGE_FILE.matcher(url).matches())) {
                    return url.trim();
                }
            } else if (child.getName().equals("thumbnail") && thumbnail == null) {
                thumbnail = url.trim();
            }
        }
        return thumbnail;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
