package vn.govhub.connectors.portal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first two gates of {@link FeedParser}: bytes to text, then a look at the prolog. Portals label their
 * charset wrongly often enough (a windows-1258 header over UTF-8 bytes, a declaration the server contradicts)
 * that the label alone cannot be trusted, and a lenient decode would store mojibake that no later step can
 * repair; so every declaration is weighed against the bytes and a misfit is refused, naming where it was
 * declared. The prolog is checked on the text, before any XML parser sees it, so that HTML pages and DOCTYPEs
 * are refused with a plain cause rather than a parser's message.
 */
final class FeedDecoder {

    private static final Pattern XML_DECLARATION_ENCODING = Pattern.compile(
            "^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile(
            "(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?");
    private static final Pattern HTML_DOCTYPE = Pattern.compile("<!doctype\\s+html\\b");

    private FeedDecoder() {
    }

    /**
     * The charset parameter of a Content-Type header value ({@code application/rss+xml; charset=UTF-8}), or
     * null when there is none.
     */
    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    // ---- gate 1: encoding ----

    /**
     * The body as text, decoded strictly in the charset its declarations agree with the bytes on.
     *
     * @throws PermanentSourceException when no declaration fits the bytes, or a legacy single-byte charset is
     *                                  declared over bytes that are UTF-8
     */
    static String decode(byte[] body, String headerCharset) {
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

    /**
     * Refuses a text whose first markup is not an element of a feed: HTML, non-XML, or any DOCTYPE.
     *
     * @throws PermanentSourceException naming what the body is instead
     */
    static void checkProlog(String text) {
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
}
