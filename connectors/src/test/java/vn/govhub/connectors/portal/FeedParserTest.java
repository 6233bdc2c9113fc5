package vn.govhub.connectors.portal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import vn.govhub.text.VietnameseText;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    private static AbstractThrowableAssert<?, ? extends Throwable> assertPermanent(Runnable parse) {
        return assertThatThrownBy(parse::run)
                .isInstanceOf(PermanentSourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).isRetryable()).isFalse());
    }

    // ---- well-formed feeds ----

    @Test
    void rss2ItemsAreReadInDocumentOrder() {
        List<RawItem> items = parser.parse(Samples.bytes("rss2-tin-tuc.xml"), null);

        assertThat(items).extracting(RawItem::title).containsExactly(
                "Hội nghị tổng kết công tác cải cách hành chính năm 2023",
                "Triển khai dịch vụ công trực tuyến toàn trình & một phần",
                "Thông báo lịch tiếp công dân tháng 2/2024",
                "<strong>Quảng Trị</strong> đón nhận Huân chương Lao động hạng Nhất",
                "Bản tin không có liên kết");
    }

    @Test
    void guidIsKeptOnlyWhenTheFeedGivesOne() {
        List<RawItem> items = parser.parse(Samples.bytes("rss2-tin-tuc.xml"), null);

        assertThat(items.get(0).guid()).isNotNull().contains("qt-1042");
        // Rome would report the link as the entry's URI; the parser must not pass that off as a guid
        assertThat(items.get(1).guid()).isNull();
        assertThat(items.get(2).guid()).isNull();
        assertThat(items.get(3).guid()).isEqualTo("https://quangtri.example.gov.vn/tin-tuc-su-kien/huan-chuong.html");
    }

    @Test
    void linksAreReturnedAsWrittenIncludingRelativeOnes() {
        List<RawItem> items = parser.parse(Samples.bytes("rss2-tin-tuc.xml"), null);

        assertThat(items.get(1).link()).isEqualTo("/tin-tuc-su-kien/dich-vu-cong-truc-tuyen.html");
        assertThat(items.get(4).link()).isNull();
    }

    @Test
    void atomLinksAreReadAgainstTheXmlBaseInForce() {
        String atom = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + "xml:base=\"https://dongnai.example.gov.vn/tin-tuc/\"><title>Tin</title><id>urn:f</id><updated>2024-02-09T08:00:00Z</updated>"
                + "<entry><title>A</title><id>urn:a</id><updated>2024-02-09T08:00:00Z</updated><link href=\"2024/bai-a.html\"/></entry>"
                + "<entry xml:base=\"chuyen-muc/\"><title>B</title><id>urn:b</id><updated>2024-02-09T08:00:00Z</updated>"
                + "<link href=\"../bai-b.html\"/></entry>"
                + "<entry><title>C</title><id>urn:c</id><updated>2024-02-09T08:00:00Z</updated><link href=\"https://other.example.vn/c\"/></entry>"
                + "</feed>";
        List<RawItem> items = parser.parse(atom.getBytes(UTF_8), null);
        assertThat(items).extracting(RawItem::link).containsExactly("https://dongnai.example.gov.vn/tin-tuc/2024/bai-a.html",
                "https://dongnai.example.gov.vn/tin-tuc/bai-b.html", "https://other.example.vn/c");
    }

    @Test
    void rfc822AndVietnameseAndDcDatesAreRead() {
        List<RawItem> items = parser.parse(Samples.bytes("rss2-tin-tuc.xml"), null);

        assertThat(items.get(0).dateText()).isEqualTo("Fri, 09 Feb 2024 15:00:00 +0700");
        assertThat(items.get(0).date()).isEqualTo(Instant.parse("2024-02-09T08:00:00Z"));
        // Rome alone cannot read this one; the raw text is kept and parsed day-first in Vietnam time
        assertThat(items.get(1).dateText()).isEqualTo("09/02/2024 10:30");
        assertThat(items.get(1).date()).isEqualTo(Instant.parse("2024-02-09T03:30:00Z"));
        assertThat(items.get(3).date()).isEqualTo(Instant.parse("2024-02-08T02:15:00Z"));
        assertThat(items.get(4).date()).isEqualTo(Instant.parse("2024-02-07T01:00:00Z"));
    }

    @Test
    void itemWithoutDateHasNoDate() {
        RawItem undated = parser.parse(Samples.bytes("rss2-tin-tuc.xml"), null).get(2);

        assertThat(undated.dateText()).isNull();
        assertThat(undated.date()).isNull();
    }

    @Test
    void cdataAndEscapedHtmlDescriptionsAreDecodedOnce() {
        List<RawItem> items = parser.parse(Samples.bytes("rss2-tin-tuc.xml"), null);

        assertThat(items.get(0).summaryHtml()).contains("<b>Hội nghị</b>", "<script>");
        // &lt;p&gt; is markup once decoded; &amp;amp; stays an HTML entity for the sanitiser; &#7871; is "ế"
        assertThat(items.get(1).summaryHtml())
                .startsWith("<p>Người dân")
                .contains("&amp; Zalo", "Chi tiết tại <a href=\"huong-dan.html\">");
    }

    @Test
    void contentIsUsedWhenThereIsNoDescription() {
        RawItem item = parser.parse(Samples.bytes("rss2-tin-tuc.xml"), null).get(3);

        assertThat(item.summaryHtml()).contains("Toàn văn bài viết", "huan-chuong.jpg");
    }

    @Test
    void imageComesFromEnclosureOrMediaThumbnail() {
        List<RawItem> items = parser.parse(Samples.bytes("rss2-tin-tuc.xml"), null);

        assertThat(items.get(0).imageUrl()).isEqualTo("/uploads/2024/02/hoi-nghi-cchc-thumb.jpg");
        assertThat(items.get(1).imageUrl()).isEqualTo("https://quangtri.example.gov.vn/uploads/2024/02/dvc-thumb.png");
        assertThat(items.get(2).imageUrl()).isNull();
    }

    @Test
    void atomEntriesAreRead() {
        List<RawItem> entries = parser.parse(Samples.bytes("atom-tin-tuc.xml"), "utf-8");

        assertThat(entries).hasSize(2);
        RawItem first = entries.get(0);
        assertThat(first.guid()).isEqualTo("tag:stttt.nghean.example.gov.vn,2024:tin-2001");
        assertThat(first.link()).isEqualTo("https://stttt.nghean.example.gov.vn/tin-tuc/chuyen-doi-so-2001.html");
        assertThat(first.title()).contains("Chuyển đổi số");
        assertThat(first.summaryHtml()).contains("<em>chuyển đổi số</em>");
        // published wins over updated
        assertThat(first.date()).isEqualTo(Instant.parse("2024-02-09T01:30:00Z"));
        assertThat(first.imageUrl()).isEqualTo("https://stttt.nghean.example.gov.vn/anh/cds-2001.jpg");

        RawItem second = entries.get(1);
        assertThat(second.date()).isEqualTo(Instant.parse("2024-02-08T16:45:00Z"));
        assertThat(second.summaryHtml()).contains("định danh điện tử");
    }

    @Test
    void rss091FeedIsRead() {
        String rss091 = """
                <?xml version="1.0"?>
                <rss version="0.91"><channel><title>Tin</title><link>https://x.example.gov.vn/</link>
                <description>d</description><language>vi</language>
                <item><title>Tin cũ</title><link>https://x.example.gov.vn/1</link><description>a</description></item>
                </channel></rss>""";

        assertThat(parser.parse(rss091.getBytes(UTF_8), null)).extracting(RawItem::title).containsExactly("Tin cũ");
    }

    @Test
    void strayHtmlEntityOutsideCdataIsHealed() {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>T</title><link>https://x.example.gov.vn/</link><description>d</description>
                <item><title>Tin&nbsp;tức</title><link>https://x.example.gov.vn/1</link></item></channel></rss>""";

        assertThat(parser.parse(feed.getBytes(UTF_8), null).get(0).title()).isEqualTo("Tin\u00A0tức");
    }

    // ---- encodings ----

    @Test
    void windows1258FeedIsDecoded() {
        RawItem item = parser.parse(Samples.bytes("windows-1258.xml"), null).get(0);

        // windows-1258 writes tones as combining marks; NFC composes them back
        assertThat(VietnameseText.nfc(item.title())).isEqualTo("Ủy ban nhân dân tỉnh họp phiên thường kỳ tháng 2");
    }

    @Test
    void contentTypeCharsetWinsOverXmlDeclaration() {
        byte[] bytes = Samples.bytes("utf8-declared-windows-1258-bytes.xml");

        RawItem item = parser.parse(bytes, "windows-1258").get(0);

        assertThat(VietnameseText.nfc(item.summaryHtml())).isEqualTo("Nội dung phiên họp về kinh tế - xã hội.");
    }

    @Test
    void utf8BytesDeclaredAsIso88591AreRejected() {
        assertPermanent(() -> parser.parse(Samples.bytes("iso-8859-1-declared-utf8-bytes.xml"), null))
                .hasMessageContaining("ISO-8859-1")
                .hasMessageContaining("XML declaration")
                .hasMessageContaining("bytes are UTF-8");
    }

    @Test
    void utf8BytesDeclaredAsWindows1258AreRejected() {
        assertPermanent(() -> parser.parse(Samples.bytes("windows-1258-declared-utf8-bytes.xml"), null))
                .hasMessageContaining("windows-1258")
                .hasMessageContaining("bytes are UTF-8");
    }

    @Test
    void wrongHeaderCharsetIsOverruledWhenTheDeclarationMatchesTheBytes() {
        // servers often send text/xml; charset=ISO-8859-1 by default while the feed itself is UTF-8
        RawItem item = parser.parse(Samples.bytes("atom-tin-tuc.xml"), "ISO-8859-1").get(0);

        assertThat(item.title()).contains("Chuyển đổi số");
    }

    @Test
    void wrongUtf8HeaderIsOverruledWhenTheBytesFitTheDeclaration() {
        byte[] windows1258 = Samples.bytes("windows-1258.xml");

        RawItem item = parser.parse(windows1258, "UTF-8").get(0);

        assertThat(VietnameseText.nfc(item.title())).isEqualTo("Ủy ban nhân dân tỉnh họp phiên thường kỳ tháng 2");
    }

    @Test
    void undecodableBytesAreRejected() {
        assertPermanent(() -> parser.parse(Samples.bytes("utf8-declared-windows-1258-bytes.xml"), null))
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("byte offset");
    }

    @Test
    void unknownCharsetIsRejected() {
        assertPermanent(() -> parser.parse(Samples.bytes("rss2-tin-tuc.xml"), "x-vietnamese-tcvn3"))
                .hasMessageContaining("unknown charset 'x-vietnamese-tcvn3'")
                .hasMessageContaining("Content-Type");
    }

    @Test
    void charsetIsTakenFromContentType() {
        assertThat(FeedParser.charsetOf("application/rss+xml; charset=UTF-8")).isEqualTo("UTF-8");
        assertThat(FeedParser.charsetOf("text/xml;Charset=\"windows-1258\"")).isEqualTo("windows-1258");
        assertThat(FeedParser.charsetOf("application/atom+xml")).isNull();
        assertThat(FeedParser.charsetOf(null)).isNull();
    }

    // ---- hostile or broken bodies ----

    @Test
    void doctypeFeedIsRejected() {
        assertPermanent(() -> parser.parse(Samples.bytes("doctype-billion-laughs.xml"), null))
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void externalEntityFeedIsRejectedEvenAfterAComment() {
        assertPermanent(() -> parser.parse(Samples.bytes("doctype-external-entity.xml"), null))
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void xmlParserRefusesDoctypeOnItsOwn() {
        // the second line of defence, should the prolog check ever be bypassed
        String bomb = new String(Samples.bytes("doctype-billion-laughs.xml"), UTF_8);

        assertPermanent(() -> FeedParser.buildDocument(bomb)).hasMessageContaining("refused by the XML parser");
    }

    @Test
    void romeOwnDoctypeGuardIsEnforcedByTheJdkParser() {
        // pins the dependency: Rome only sets disallow-doctype-decl when the SAX parser supports it
        SyndFeedInput rome = new SyndFeedInput();
        rome.setAllowDoctypes(false);
        String bomb = new String(Samples.bytes("doctype-billion-laughs.xml"), UTF_8);

        assertThatThrownBy(() -> rome.build(new StringReader(bomb)))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void htmlPageServedAsRssIsRejected() {
        assertPermanent(() -> parser.parse(Samples.bytes("html-served-as-rss.html"), "utf-8"))
                .hasMessageContaining("not a feed")
                .hasMessageContaining("HTML");
    }

    @Test
    void htmlPageWithoutDoctypeIsRejected() {
        assertPermanent(() -> parser.parse("\n<HTML><body>Lỗi</body></HTML>".getBytes(UTF_8), null))
                .hasMessageContaining("HTML page");
    }

    @Test
    void nonXmlBodyIsRejected() {
        assertPermanent(() -> parser.parse("{\"error\":\"maintenance\"}".getBytes(UTF_8), null))
                .hasMessageContaining("not XML")
                .hasMessageContaining("{\"error\"");
    }

    @Test
    void truncatedXmlIsRejected() {
        assertPermanent(() -> parser.parse(Samples.bytes("truncated.xml"), null))
                .hasMessageContaining("malformed XML at line");
    }

    @Test
    void xmlThatIsNotAFeedIsRejected() {
        String sitemap = "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example.gov.vn/</loc></url></urlset>";

        assertPermanent(() -> parser.parse(sitemap.getBytes(UTF_8), null))
                .hasMessageContaining("<urlset> is neither RSS nor Atom");
    }

    @Test
    void emptyBodyIsRejected() {
        assertPermanent(() -> parser.parse(new byte[0], null)).hasMessageContaining("empty");
        assertPermanent(() -> parser.parse(" \n ".getBytes(UTF_8), null)).hasMessageContaining("no root element");
    }

    @Test
    void oversizedBodyIsRejected() {
        FeedParser small = new FeedParser(1024);

        assertPermanent(() -> small.parse(Samples.bytes("rss2-tin-tuc.xml"), null))
                .hasMessageContaining("more than the limit of 1024");
    }
}
