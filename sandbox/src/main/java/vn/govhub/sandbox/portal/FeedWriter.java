package vn.govhub.sandbox.portal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Renders a portal's news as RSS 2.0 or Atom 1.0, escaping through StAX. */
final class FeedWriter {

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    // the JDK's own implementation, whatever else is on the classpath
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();
    private static final String FEED_TITLE_SUFFIX = " - Thông tin chính quyền";

    /** What a feed is rendered from: one portal's items, newest first, and where the simulator lives. */
    record Snapshot(NewsCatalogue.Portal portal, List<NewsItem> items, Instant lastModified, String baseUrl) {

        String portalUrl() {
            return baseUrl + "/" + portal.id() + "/";
        }

        String link(NewsItem item) {
            return baseUrl + item.path();
        }

        String categoryUrl(NewsItem item) {
            return baseUrl + "/" + portal.id() + "/chuyen-muc/" + item.category();
        }

        String descriptionHtml(NewsItem item) {
            String src = item.relativeImage() ? item.imagePath() : baseUrl + item.imagePath();
            return "<p><img src=\"" + Text.html(src) + "\" alt=\"" + Text.html(item.title())
                    + "\" width=\"600\" /></p><p>" + Text.html(item.summary()) + "</p>";
        }
    }

    private FeedWriter() {
    }

    /**
     * RSS 2.0. A portal with {@code quirkyRss} writes what older portal software writes, all of it valid XML
     * and RSS: item links relative to the site, a guid (not a permalink) on every third item only, no pubDate
     * on {@link NewsCatalogue#undated undated} items, and the channel title and every other item title with
     * each non-ASCII character as a numeric character reference ({@code &#7879;} for "ệ").
     */
    static byte[] rss(Snapshot s) {
        return write(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", ATOM_NS);
            indent(w, 1);
            w.writeStartElement("channel");
            boolean quirky = s.portal().quirkyRss();
            if (quirky) {
                textWithCharacterReferences(w, 2, "title", s.portal().name() + FEED_TITLE_SUFFIX);
            } else {
                element(w, 2, "title", s.portal().name() + FEED_TITLE_SUFFIX);
            }
            element(w, 2, "link", s.portalUrl());
            element(w, 2, "description", "Tin tức, thông báo của chính quyền tỉnh " + s.portal().province());
            element(w, 2, "language", "vi-VN");
            element(w, 2, "copyright", "© " + s.portal().name());
            element(w, 2, "lastBuildDate", rfc822(s.lastModified()));
            element(w, 2, "ttl", "15");
            indent(w, 2);
            w.writeEmptyElement("atom", "link", ATOM_NS);
            w.writeAttribute("href", s.baseUrl() + "/" + s.portal().id() + "/rss.xml");
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            for (NewsItem item : s.items()) {
                indent(w, 2);
                w.writeStartElement("item");
                if (quirky && item.id() % 2 == 0) {
                    textWithCharacterReferences(w, 3, "title", item.title());
                } else {
                    element(w, 3, "title", item.title());
                }
                element(w, 3, "link", quirky ? item.path() : s.link(item));
                indent(w, 3);
                w.writeStartElement("description");
                String html = s.descriptionHtml(item);
                if (s.portal().cdata() && !html.contains("]]>")) {
                    w.writeCData(html);
                } else {
                    w.writeCharacters(html);
                }
                w.writeEndElement();
                indent(w, 3);
                w.writeStartElement("category");
                w.writeAttribute("domain", s.categoryUrl(item));
                w.writeCharacters(item.categoryLabel());
                w.writeEndElement();
                if (!quirky) {
                    indent(w, 3);
                    w.writeStartElement("guid");
                    w.writeAttribute("isPermaLink", "true");
                    w.writeCharacters(s.link(item));
                    w.writeEndElement();
                } else if (item.id() % 3 == 0) {
                    indent(w, 3);
                    w.writeStartElement("guid");
                    w.writeAttribute("isPermaLink", "false");
                    w.writeCharacters(item.portal() + "-" + item.id());
                    w.writeEndElement();
                }
                if (!quirky || !NewsCatalogue.undated(item)) {
                    element(w, 3, "pubDate", rfc822(item.published()));
                }
                indent(w, 2);
                w.writeEndElement();
            }
            indent(w, 1);
            w.writeEndElement();
            indent(w, 0);
            w.writeEndElement();
        });
    }

    static byte[] atom(Snapshot s) {
        return write(w -> {
            w.setDefaultNamespace(ATOM_NS);
            w.writeStartElement(ATOM_NS, "feed");
            w.writeDefaultNamespace(ATOM_NS);
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "vi");
            element(w, 1, "title", s.portal().name() + FEED_TITLE_SUFFIX);
            element(w, 1, "subtitle", "Tin tức, thông báo của chính quyền tỉnh " + s.portal().province());
            element(w, 1, "id", s.portalUrl());
            element(w, 1, "updated", iso(s.lastModified()));
            link(w, 1, "self", "application/atom+xml", s.baseUrl() + "/" + s.portal().id() + "/atom.xml");
            link(w, 1, "alternate", "text/html", s.portalUrl());
            indent(w, 1);
            w.writeStartElement(ATOM_NS, "author");
            element(w, 2, "name", s.portal().name());
            indent(w, 1);
            w.writeEndElement();
            for (NewsItem item : s.items()) {
                indent(w, 1);
                w.writeStartElement(ATOM_NS, "entry");
                element(w, 2, "title", item.title());
                link(w, 2, "alternate", "text/html", s.link(item));
                element(w, 2, "id", s.link(item));
                element(w, 2, "published", iso(item.published()));
                element(w, 2, "updated", iso(item.updated()));
                indent(w, 2);
                w.writeEmptyElement(ATOM_NS, "category");
                w.writeAttribute("term", item.category());
                w.writeAttribute("label", item.categoryLabel());
                w.writeAttribute("scheme", s.portalUrl() + "chuyen-muc/");
                indent(w, 2);
                w.writeStartElement(ATOM_NS, "summary");
                w.writeAttribute("type", "html");
                w.writeCharacters(s.descriptionHtml(item));
                w.writeEndElement();
                indent(w, 1);
                w.writeEndElement();
            }
            indent(w, 0);
            w.writeEndElement();
        });
    }

    /** RFC 822 as RSS 2.0 wants it, in Vietnam's offset: {@code Mon, 2 Jun 2025 08:30:00 +0700}. */
    static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(NewsCatalogue.VIETNAM));
    }

    /** ISO 8601 as Atom wants it: {@code 2025-06-02T08:30:00+07:00}. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(NewsCatalogue.VIETNAM));
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            indent(w, 0);
            body.write(w);
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render feed", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, int depth, String name, String text) throws XMLStreamException {
        indent(w, depth);
        String ns = w.getNamespaceContext().getNamespaceURI("");
        if (ns != null && !ns.isEmpty()) {
            w.writeStartElement(ns, name);
        } else {
            w.writeStartElement(name);
        }
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** Writes non-ASCII characters as decimal character references, as ASP's Server.HTMLEncode did. */
    private static void textWithCharacterReferences(XMLStreamWriter w, int depth, String name, String text)
            throws XMLStreamException {
        indent(w, depth);
        w.writeStartElement(name);
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                ascii.appendCodePoint(c);
            } else {
                w.writeCharacters(ascii.toString());
                ascii.setLength(0);
                w.writeEntityRef("#" + c);
            }
        }
        w.writeCharacters(ascii.toString());
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, int depth, String rel, String type, String href)
            throws XMLStreamException {
        indent(w, depth);
        w.writeEmptyElement(ATOM_NS, "link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    private static void indent(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }
}
