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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
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

    private static final Pattern XML_DECLARATION_ENCODING = Pattern.compile(
            "^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile(
            "(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?");
    private static final Pattern HTML_DOCTYPE = Pattern.compile("<!doctype\\s+html\\b");
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
        if (contentType == null) {
            return null;
        }
        Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
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
        String text = decode(body, headerCharset);
        checkProlog(text);
        Document document = buildDocument(text);
        SyndFeed feed = mapWithRome(document);
        return toRawItems(feed, itemElements(document.getRootElement()));
    }

    // ---- gate 1: encoding ----

    private static String decode(byte[] body, String headerCharset) {
        List<Declared> declared = new ArrayList<>(3);
        bomCharset(body).ifPresent(cs -> declared.add(new Declared(cs, "the byte-order mark")));
        if (headerCharset != null && !headerCharset.isBlank()) {
            declared.add(new Declared(headerCharset.trim(), "the Content-Type header"));
        }
        xmlDeclarationEncoding(body).ifPresent(cs -> declared.add(new Declared(cs, "the XML declaration")));
        if (declared.isEmpty()) {
            declared.add(new Declared("UTF-8", "the XML default"));
        }

        Declared chosen = declared.get(0);
        Charset charset = charset(chosen);
        if (isSingleByte(charset) && looksLikeUtf8(body)) {
            // ISO-8859-1 and windows-125x decode any byte, so a wrong label would pass silently as mojibake
            boolean anotherDeclarationSaysUtf8 = declared.stream().skip(1)
                    .anyMatch(d -> d.name().replace("_", "-").equalsIgnoreCase("UTF-8")
                            || d.name().equalsIgnoreCase("UTF8"));
            if (!anotherDeclarationSaysUtf8) {
                throw new PermanentSourceException("feed declares charset " + charset.name() + " in " + chosen.where()
                        + " but its bytes are UTF-8; decoding would garble the Vietnamese text");
            }
            charset = StandardCharsets.UTF_8;
            chosen = new Declared("UTF-8", "a later declaration matching the bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            return strictDecode(charset, in);
        } catch (CharacterCodingException e) {
            // declarations disagree (header says UTF-8, the document says windows-1258): follow the one that fits
            for (Declared other : declared.subList(1, declared.size())) {
                Charset alternative = charset(other);
                if (!alternative.equals(charset)) {
                    try {
                        return strictDecode(alternative, ByteBuffer.wrap(body));
                    } catch (CharacterCodingException ignored) {
                        // keep looking; the first failure is the one reported
                    }
                }
            }
            String what = e instanceof MalformedInputException ? "malformed" : "unmappable";
            throw new PermanentSourceException("feed bytes are not valid " + charset.name() + " (declared in "
                    + chosen.where() + "): " + what + " input at byte offset " + in.position(), e);
        }
    }

    private static String strictDecode(Charset charset, ByteBuffer in) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text = decoder.decode(in).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private record Declared(String name, String where) {
    }

    private static Charset charset(Declared declared) {
        try {
            return Charset.forName(declared.name());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new PermanentSourceException(
                    "feed declares unknown charset '" + declared.name() + "' in " + declared.where(), e);
        }
    }

    private static Optional<String> bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of("UTF-8");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of("UTF-16BE");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of("UTF-16LE");
        }
        return Optional.empty();
    }

    private static Optional<String> xmlDeclarationEncoding(byte[] body) {
        // the declaration is ASCII in every charset a feed may use except UTF-16, which carries a BOM
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF ? 3 : 0;
        String head = new String(body, start, Math.min(body.length - start, 512), StandardCharsets.ISO_8859_1).stripLeading();
        Matcher m = XML_DECLARATION_ENCODING.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static boolean isSingleByte(Charset charset) {
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1.0f;
    }

    private static boolean looksLikeUtf8(byte[] body) {
        boolean hasMultiByte = false;
        for (byte b : body) {
            if (b < 0) {
                hasMultiByte = true;
                break;
            }
        }
        if (!hasMultiByte) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    // ---- gate 2: prolog ----

    private static void checkProlog(String text) {
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i);
                i = end < 0 ? n : end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i);
                i = end < 0 ? n : end + 3;
            } else {
                break;
            }
        }
        if (i >= n) {
            throw new PermanentSourceException("feed body has no root element");
        }
        String rest = text.substring(i, Math.min(n, i + 64)).toLowerCase(Locale.ROOT);
        if (rest.startsWith("<!doctype")) {
            if (HTML_DOCTYPE.matcher(rest).lookingAt()) {
                throw new PermanentSourceException("not a feed: the body is an HTML page (<!DOCTYPE html>)");
            }
            throw new PermanentSourceException(
                    "feed has a DOCTYPE declaration, refused: a feed never needs one and it enables XXE and "
                            + "entity-expansion attacks");
        }
        if (rest.startsWith("<html") && (rest.length() == 5 || !Character.isLetterOrDigit(rest.charAt(5)))) {
            throw new PermanentSourceException("not a feed: the body is an HTML page (<html> root)");
        }
        if (text.charAt(i) != '<') {
            throw new PermanentSourceException("not a feed: the body is not XML, it starts with '"
                    + printable(text.substring(i, Math.min(n, i + 40))) + "'");
        }
    }

    private static String printable(String s) {
        return s.replaceAll("[\\p{Cntrl}]", " ");
    }

    // ---- gate 3: the parser ----

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
