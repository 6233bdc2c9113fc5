package vn.govhub.sandbox.portal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The feeds a hub meets when a portal goes wrong, each always the same, at {@code /broken/{case}.rss}.
 * Unlike the armed {@link vn.govhub.sandbox.Fault}s they never recover, so a source configured with one of
 * these URLs fails the same way on every poll. The valid parts are Tây Ninh's initial news.
 */
final class BrokenFeeds {

    /** The cases, in the order the README lists them. */
    static final List<String> CASES = List.of("malformed", "html-as-rss", "doctype-bomb", "xxe", "huge", "not-found",
            "server-error", "slow-drip", "timeout", "wrong-encoding", "empty");

    /** {@code huge.rss} is exactly this long: 20 MiB. */
    static final int HUGE_BYTES = 20 * 1024 * 1024;

    /** How many pieces {@code slow-drip.rss} comes in, spread evenly over its total time. */
    static final int DRIP_CHUNKS = 30;

    private static final String RSS_TYPE = "application/rss+xml; charset=UTF-8";
    private static final String HTML_TYPE = "text/html; charset=UTF-8";

    private final NewsCatalogue.Portal portal = NewsCatalogue.PORTALS.get(0);
    private final List<NewsItem> items;
    private final Instant lastModified;
    private volatile Cached validFeed; // rendered for one base URL
    private volatile Duration slowDripTotal = PortalSimulator.DEFAULT_SLOW_DRIP_TOTAL;
    private volatile Duration timeoutDelay = PortalSimulator.DEFAULT_TIMEOUT_DELAY;
    private volatile byte[] huge; // built on first request, then kept: 20 MiB only when someone asks

    private record Cached(String baseUrl, byte[] body) {
    }

    BrokenFeeds(Instant baseInstant) {
        this.items = NewsCatalogue.initialItems(portal, baseInstant);
        this.lastModified = items.get(0).published();
    }

    /** How long {@code slow-drip} takes to send its body. */
    void setSlowDripTotal(Duration total) {
        this.slowDripTotal = requirePositive(total, "total");
    }

    /** How long {@code timeout} waits before it answers. */
    void setTimeoutDelay(Duration delay) {
        this.timeoutDelay = requirePositive(delay, "delay");
    }

    /** The response for a case of {@link #CASES}. */
    ResponseDefinition respond(String name, String baseUrl) {
        return switch (name) {
            case "malformed" -> ok(RSS_TYPE, truncated(baseUrl));
            case "html-as-rss" -> ok(RSS_TYPE, MAINTENANCE_PAGE.getBytes(StandardCharsets.UTF_8));
            case "doctype-bomb" -> ok(RSS_TYPE, DOCTYPE_BOMB.getBytes(StandardCharsets.UTF_8));
            case "xxe" -> ok(RSS_TYPE, XXE.getBytes(StandardCharsets.UTF_8));
            case "huge" -> ok(RSS_TYPE, huge());
            case "not-found" -> response(404, HTML_TYPE, NOT_FOUND_PAGE.getBytes(StandardCharsets.UTF_8));
            case "server-error" -> response(500, HTML_TYPE, SERVER_ERROR_PAGE.getBytes(StandardCharsets.UTF_8));
            case "slow-drip" -> ResponseDefinitionBuilder.like(ok(RSS_TYPE, valid(baseUrl)))
                    .withChunkedDribbleDelay(DRIP_CHUNKS, millis(slowDripTotal)).build();
            case "timeout" -> ResponseDefinitionBuilder.like(ok(RSS_TYPE, valid(baseUrl)))
                    .withFixedDelay(millis(timeoutDelay)).build();
            case "wrong-encoding" -> ok(RSS_TYPE, invalidUtf8(baseUrl));
            case "empty" -> ok(RSS_TYPE, new byte[0]);
            default -> throw new IllegalArgumentException("no broken case '" + name + "', known: " + CASES);
        };
    }

    /** Tây Ninh's initial RSS, whole and valid: what slow-drip and timeout eventually deliver. */
    byte[] valid(String baseUrl) {
        Cached cached = validFeed;
        if (cached == null || !cached.baseUrl().equals(baseUrl)) {
            cached = new Cached(baseUrl, FeedWriter.rss(new FeedWriter.Snapshot(portal, items, lastModified, baseUrl)));
            validFeed = cached;
        }
        return cached.body();
    }

    /** The valid feed cut off inside the third item's title, as when a portal's process dies mid-write. */
    private byte[] truncated(String baseUrl) {
        String xml = new String(valid(baseUrl), StandardCharsets.UTF_8);
        int item = nthIndexOf(xml, "<item>", 3);
        return xml.substring(0, xml.indexOf("</title>", item)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Declares UTF-8 in the header and the XML declaration, but one item's text was pasted from a legacy
     * Latin-1 page: "Thông báo" as {@code Th 0xF4 ng b 0xE1 o}, which is not UTF-8 at all.
     */
    private byte[] invalidUtf8(String baseUrl) {
        String marker = "\u0000LATIN1\u0000";
        String xml = new String(valid(baseUrl), StandardCharsets.UTF_8);
        int title = xml.indexOf("<title>", nthIndexOf(xml, "<item>", 1)) + "<title>".length();
        String withMarker = xml.substring(0, title) + marker + " " + xml.substring(title);
        byte[] utf8 = withMarker.getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "Thông báo:".getBytes(StandardCharsets.ISO_8859_1);
        byte[] markerBytes = marker.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(utf8, markerBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + latin1.length);
        out.write(utf8, 0, at);
        out.writeBytes(latin1);
        out.write(utf8, at + markerBytes.length, utf8.length - at - markerBytes.length);
        return out.toByteArray();
    }

    /**
     * A well-formed RSS document of exactly {@link #HUGE_BYTES}: a real channel head, then numbered items
     * with long descriptions, then whitespace up to the size, then the closing tags.
     */
    private byte[] huge() {
        byte[] body = huge;
        if (body == null) {
            synchronized (this) {
                body = huge;
                if (body == null) {
                    body = buildHuge();
                    huge = body;
                }
            }
        }
        return body;
    }

    private byte[] buildHuge() {
        // an empty channel with site-relative links, split where the items go
        String channel = new String(FeedWriter.rss(new FeedWriter.Snapshot(portal, List.of(), lastModified, "")),
                StandardCharsets.UTF_8);
        int end = channel.lastIndexOf("\n  </channel>");
        byte[] head = (channel.substring(0, end) + "\n    ").getBytes(StandardCharsets.UTF_8);
        byte[] tail = channel.substring(end).getBytes(StandardCharsets.UTF_8);
        String filler = "Nội dung văn bản được đăng tải đầy đủ tại Cổng thông tin điện tử tỉnh. ".repeat(40);
        ByteArrayOutputStream out = new ByteArrayOutputStream(HUGE_BYTES);
        out.writeBytes(head);
        for (int n = 1; ; n++) {
            byte[] item = ("<item>\n      <title>Văn bản chỉ đạo điều hành số " + n + "</title>\n"
                    + "      <link>/tayninh/van-ban/van-ban-" + n + ".html</link>\n"
                    + "      <guid isPermaLink=\"false\">tayninh-van-ban-" + n + "</guid>\n"
                    + "      <description>" + filler + "</description>\n    </item>\n    ")
                    .getBytes(StandardCharsets.UTF_8);
            if (out.size() + item.length + tail.length > HUGE_BYTES) {
                break;
            }
            out.writeBytes(item);
        }
        byte[] padding = new byte[HUGE_BYTES - out.size() - tail.length];
        Arrays.fill(padding, (byte) ' ');
        out.writeBytes(padding);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static ResponseDefinition ok(String contentType, byte[] body) {
        return response(200, contentType, body);
    }

    private static ResponseDefinition response(int status, String contentType, byte[] body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body).build();
    }

    /** WireMock takes delays as int milliseconds. */
    private static Duration requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be between 1 ms and Integer.MAX_VALUE ms: " + d);
        }
        return d;
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    private static int nthIndexOf(String s, String part, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(part, at + 1);
            if (at < 0) {
                throw new IllegalStateException("fewer than " + n + " '" + part + "'");
            }
        }
        return at;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }

    /** What a portal behind a web application firewall or in maintenance answers at its feed address. */
    private static final String MAINTENANCE_PAGE = """
            <!DOCTYPE html>
            <html lang="vi">
            <head><meta charset="utf-8"><title>Hệ thống đang bảo trì</title>
            <style>body{font-family:Arial,sans-serif;text-align:center;margin-top:10%}</style></head>
            <body>
            <h1>Cổng thông tin điện tử đang được bảo trì</h1>
            <p>Hệ thống đang nâng cấp, quý độc giả vui lòng quay lại sau. Xin cảm ơn!</p>
            <script>setTimeout(function () { location.reload(); }, 30000);</script>
            </body>
            </html>
            """;

    /** "Billion laughs": ten levels of ten-fold entity expansion, about 3 GB of text from 1 KB. */
    private static final String DOCTYPE_BOMB = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <rss version="2.0">
              <channel>
                <title>Cổng thông tin điện tử tỉnh Tây Ninh</title>
                <link>/tayninh/</link>
                <description>&lol9;</description>
                <item>
                  <title>&lol9;</title>
                  <link>/tayninh/tin-tuc/lol-1.html</link>
                  <description>&lol9;</description>
                </item>
              </channel>
            </rss>
            """;

    /** An external entity that would put the server's /etc/passwd into the item, were it resolved. */
    private static final String XXE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss [
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <rss version="2.0">
              <channel>
                <title>Cổng thông tin điện tử tỉnh Tây Ninh</title>
                <link>/tayninh/</link>
                <description>Tin tức, thông báo của chính quyền tỉnh Tây Ninh</description>
                <item>
                  <title>Thông báo nội bộ</title>
                  <link>/tayninh/tin-tuc/thong-bao-noi-bo-1.html</link>
                  <guid isPermaLink="false">tayninh-xxe-1</guid>
                  <description>&xxe;</description>
                  <pubDate>Mon, 2 Jun 2025 08:00:00 +0700</pubDate>
                </item>
              </channel>
            </rss>
            """;

    private static final String NOT_FOUND_PAGE = """
            <!DOCTYPE html>
            <html lang="vi">
            <head><meta charset="utf-8"><title>404 - Không tìm thấy trang</title></head>
            <body>
            <h1>404</h1>
            <p>Trang bạn tìm không tồn tại hoặc đã được chuyển sang địa chỉ khác.</p>
            <p><a href="/">Về trang chủ</a></p>
            </body>
            </html>
            """;

    /** The error page an ASP.NET portal shows when it fails, still common on provincial portals. */
    private static final String SERVER_ERROR_PAGE = """
            <!DOCTYPE html>
            <html>
            <head><title>Runtime Error</title></head>
            <body bgcolor="white">
            <span><h1>Server Error in '/' Application.<hr width=100% size=1 color=silver></h1>
            <h2><i>Runtime Error</i></h2></span>
            <b>Description:</b> An application error occurred on the server. The current custom error settings
            for this application prevent the details of the application error from being viewed remotely.
            </body>
            </html>
            """;
}
