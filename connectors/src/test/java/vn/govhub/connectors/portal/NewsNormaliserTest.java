package vn.govhub.connectors.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.govhub.model.NewsItem;
import vn.govhub.text.VietnameseText;

class NewsNormaliserTest {

    private static final Instant NOW = Instant.parse("2024-02-10T01:00:00Z");
    private static final String FEED_URL = "https://quangtri.example.gov.vn/rss/tin-tuc-su-kien.rss";
    private static final SourceContext SOURCE =
            new SourceContext("qt-tin-tuc", "quang-tri", "tin-tuc-su-kien", FEED_URL, null);

    private final NewsNormaliser normaliser = new NewsNormaliser(Clock.fixed(NOW, ZoneOffset.UTC));

    private List<NewsItem> feedItems() {
        return new FeedParser().parse(Samples.bytes("rss2-tin-tuc.xml"), null).stream()
                .map(raw -> normaliser.normalise(raw, SOURCE))
                .toList();
    }

    private static RawItem raw(String title, String link, String guid, String summary, String dateText) {
        return new RawItem(title, link, guid, summary, dateText, null, null);
    }

    // ---- whole feeds ----

    @Test
    void feedItemsCarryTheSourceContext() {
        assertThat(feedItems()).allSatisfy(item -> {
            assertThat(item.sourceId()).isEqualTo("qt-tin-tuc");
            assertThat(item.province()).isEqualTo("quang-tri");
            assertThat(item.category()).isEqualTo("tin-tuc-su-kien");
        });
    }

    @Test
    void relativeLinksBecomeAbsolute() {
        assertThat(feedItems().get(1).link())
                .isEqualTo("https://quangtri.example.gov.vn/tin-tuc-su-kien/dich-vu-cong-truc-tuyen.html");
    }

    @Test
    void linkIsCanonical() {
        // host lower-cased, utm_* dropped, other parameters kept, fragment dropped
        assertThat(feedItems().get(0).link()).isEqualTo(
                "https://quangtri.example.gov.vn/tin-tuc-su-kien/hoi-nghi-tong-ket-cchc-2023.html?id=1042");
        assertThat(feedItems().get(3).link())
                .isEqualTo("https://quangtri.example.gov.vn/tin-tuc-su-kien/huan-chuong.html?id=7");
    }

    @Test
    void scriptIframeAndEventHandlersAreRemovedFromSummary() {
        String summary = feedItems().get(0).summaryHtml();

        assertThat(summary)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("style=")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContain("document.cookie")
                .contains("<b>Hội nghị</b>", "<p>");
    }

    @Test
    void relativeUrlsInSummaryBecomeAbsolute() {
        String summary = feedItems().get(0).summaryHtml();

        assertThat(summary)
                .contains("<img src=\"https://quangtri.example.gov.vn/uploads/2024/02/hoi-nghi-cchc.jpg\" alt=\"Toàn cảnh hội nghị\">")
                .contains("<a href=\"https://quangtri.example.gov.vn/van-ban/ke-hoach-cchc-2024.pdf\">kế hoạch năm 2024</a>");
        assertThat(feedItems().get(1).summaryHtml())
                .contains("<a href=\"https://quangtri.example.gov.vn/rss/huong-dan.html\">hướng dẫn</a>");
    }

    @Test
    void htmlEntitiesAreDecodedInTitleAndSummary() {
        List<NewsItem> items = feedItems();

        assertThat(items.get(1).title()).isEqualTo("Triển khai dịch vụ công trực tuyến toàn trình & một phần");
        assertThat(items.get(2).title()).isEqualTo("Thông báo lịch tiếp công dân tháng 2/2024");
        assertThat(items.get(1).excerpt()).contains("Cổng Dịch vụ công quốc gia & Zalo", "Chi tiết tại hướng dẫn");
    }

    @Test
    void titleMarkupIsStripped() {
        assertThat(feedItems().get(3).title()).isEqualTo("Quảng Trị đón nhận Huân chương Lao động hạng Nhất");
    }

    @Test
    void imageComesFromEnclosureThenSummary() {
        List<NewsItem> items = feedItems();

        assertThat(items.get(0).imageUrl())
                .isEqualTo("https://quangtri.example.gov.vn/uploads/2024/02/hoi-nghi-cchc-thumb.jpg");
        assertThat(items.get(1).imageUrl()).isEqualTo("https://quangtri.example.gov.vn/uploads/2024/02/dvc-thumb.png");
        assertThat(items.get(2).imageUrl()).isNull();
        assertThat(items.get(3).imageUrl()).isEqualTo("https://quangtri.example.gov.vn/uploads/huan-chuong.jpg");
    }

    @Test
    void datedItemsAreNotFlagged() {
        NewsItem item = feedItems().get(0);

        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2024-02-09T08:00:00Z"));
        assertThat(item.dateFlagged()).isFalse();
    }

    @Test
    void undatedItemGetsFirstSeenTimeAndIsFlagged() {
        NewsItem undated = feedItems().get(2);

        assertThat(undated.publishedAt()).isEqualTo(NOW);
        assertThat(undated.dateFlagged()).isTrue();
    }

    @Test
    void explicitFirstSeenIsUsedForUndatedItems() {
        Instant firstSeen = Instant.parse("2024-02-09T23:00:00Z");

        NewsItem item = normaliser.normalise(raw("Tin", "/a", null, null, null), SOURCE, firstSeen);

        assertThat(item.publishedAt()).isEqualTo(firstSeen);
        assertThat(item.dateFlagged()).isTrue();
    }

    @Test
    void itemWithoutLinkLinksToTheSourceAndIsKeyedByTitleAndDate() {
        NewsItem item = feedItems().get(4);

        assertThat(item.link()).isEqualTo(FEED_URL);
        assertThat(item.key()).isEqualTo(NewsNormaliser.sha256Hex("ban tin khong co lien ket|Cập nhật: 07-02-2024 08:00:00"));
    }

    @Test
    void htmlListItemsNormaliseLikeFeedItems() {
        String pageUrl = "https://quangtri.example.gov.vn/tin-tuc-su-kien/index.html";
        HtmlSelectors selectors = new HtmlSelectors(".news-item", ".title", null, ".date", ".sapo", ".thumb img", null);
        SourceContext page = new SourceContext("qt-html", "quang-tri", null, pageUrl, null);

        List<NewsItem> items = new HtmlListParser(selectors).parse(Samples.bytes("tin-tuc-list.html"), null, pageUrl)
                .stream().map(raw -> normaliser.normalise(raw, page)).toList();

        assertThat(items).hasSize(4);
        assertThat(items.get(1).link())
                .isEqualTo("https://quangtri.example.gov.vn/tin-tuc-su-kien/dich-vu-cong-truc-tuyen-1041.html");
        assertThat(items.get(1).summaryHtml())
                .isEqualTo("Người dân có thể nộp hồ sơ <a href=\"https://quangtri.example.gov.vn/huong-dan\">trực tuyến</a>."
                        + "<img src=\"https://quangtri.example.gov.vn/tin-tuc-su-kien/x\">");
        assertThat(items.get(0).summaryHtml()).doesNotContain("trackView");
        assertThat(items.get(2).dateFlagged()).isTrue();
        assertThat(items).extracting(NewsItem::key).doesNotHaveDuplicates();
    }

    // ---- keys and hashes ----

    @Test
    void guidIsTheKeyTrimmed() {
        assertThat(feedItems().get(0).key()).isEqualTo("qt-1042");
    }

    @Test
    void canonicalLinkIsTheKeyWithoutGuid() {
        NewsItem item = normaliser.normalise(
                raw("Tin", "https://X.example.gov.vn/a.html?utm_source=zalo#top", "  ", null, null), SOURCE);

        assertThat(item.key()).isEqualTo("https://x.example.gov.vn/a.html");
    }

    @Test
    void sameItemFromTwoPollsHasTheSameKeyEvenWithoutDate() {
        RawItem noLinkNoDate = raw("Thông báo nghỉ Tết", null, null, "x", null);

        NewsItem first = normaliser.normalise(noLinkNoDate, SOURCE, Instant.parse("2024-02-01T00:00:00Z"));
        NewsItem second = normaliser.normalise(noLinkNoDate, SOURCE, Instant.parse("2024-02-02T00:00:00Z"));

        assertThat(second.key()).isEqualTo(first.key());
    }

    @Test
    void titleKeyIgnoresComposedDecomposedAndTonePlacementDifferences() {
        RawItem composed = raw("Hoá đơn điện tử", null, null, null, "09/02/2024");
        RawItem decomposed = raw(Normalizer.normalize("Hóa đơn điện tử", Normalizer.Form.NFD), null, null, null, "09/02/2024");

        assertThat(normaliser.normalise(decomposed, SOURCE).key()).isEqualTo(normaliser.normalise(composed, SOURCE).key());
    }

    @Test
    void contentHashChangesWhenTheSummaryIsEdited() {
        NewsItem before = normaliser.normalise(raw("Tin", "/a", "g", "<p>Bản cũ</p>", null), SOURCE);
        NewsItem after = normaliser.normalise(raw("Tin", "/a", "g", "<p>Bản mới</p>", null), SOURCE);

        assertThat(after.key()).isEqualTo(before.key());
        assertThat(after.contentHash()).isNotEqualTo(before.contentHash());
        assertThat(before.contentHash()).isEqualTo(NewsNormaliser.sha256Hex("Tin\n<p>Bản cũ</p>"));
    }

    @Test
    void contentHashIgnoresMarkupThatTheSanitiserRemoves() {
        NewsItem plain = normaliser.normalise(raw("Tin", "/a", "g", "<p>Nội dung</p>", null), SOURCE);
        NewsItem tracked = normaliser.normalise(
                raw("Tin", "/a", "g", "<p onclick=\"t()\">Nội dung</p><script>t()</script>", null), SOURCE);

        assertThat(tracked.contentHash()).isEqualTo(plain.contentHash());
    }

    // ---- text ----

    @Test
    void decomposedInputIsStoredComposed() {
        String nfd = Normalizer.normalize("Tiếp nhận hồ sơ trực tuyến", Normalizer.Form.NFD);

        NewsItem item = normaliser.normalise(raw(nfd, "/a", null, "<p>" + nfd + "</p>", null), SOURCE);

        assertThat(item.title()).isEqualTo("Tiếp nhận hồ sơ trực tuyến");
        assertThat(Normalizer.isNormalized(item.summaryHtml(), Normalizer.Form.NFC)).isTrue();
        assertThat(Normalizer.isNormalized(item.excerpt(), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void windows1258FeedIsStoredComposed() {
        RawItem raw = new FeedParser().parse(Samples.bytes("windows-1258.xml"), null).get(0);

        NewsItem item = normaliser.normalise(raw, SOURCE);

        assertThat(item.title()).isEqualTo("Ủy ban nhân dân tỉnh họp phiên thường kỳ tháng 2");
        assertThat(VietnameseText.fold(item.title())).isEqualTo("uy ban nhan dan tinh hop phien thuong ky thang 2");
    }

    @Test
    void shortExcerptIsKeptWhole() {
        assertThat(NewsNormaliser.excerpt("Ngắn gọn.")).isEqualTo("Ngắn gọn.");
        assertThat(NewsNormaliser.excerpt("a".repeat(300))).hasSize(300).doesNotEndWith("…");
    }

    @Test
    void longExcerptIsCutAtAWordBoundary() {
        String words = "Ủy ban nhân dân tỉnh tổ chức hội nghị, ".repeat(20);

        String excerpt = NewsNormaliser.excerpt(words.strip());

        assertThat(excerpt).hasSizeLessThanOrEqualTo(300).endsWith("…");
        String kept = excerpt.substring(0, excerpt.length() - 1);
        assertThat(words).startsWith(kept);
        assertThat(words.charAt(kept.length())).isIn(' ', ',');
        assertThat(kept).doesNotEndWith(",").doesNotEndWith(" ");
    }

    @Test
    void excerptOfOneEnormousWordIsHardCut() {
        String excerpt = NewsNormaliser.excerpt("x".repeat(500));

        assertThat(excerpt).hasSize(300).endsWith("…");
    }

    @Test
    void longSummaryExcerptFitsTheModel() {
        String longHtml = "<p>" + "Người dân tra cứu kết quả giải quyết hồ sơ trực tuyến. ".repeat(30) + "</p>";

        NewsItem item = normaliser.normalise(raw("Tin", "/a", null, longHtml, null), SOURCE);

        assertThat(item.excerpt()).hasSizeLessThanOrEqualTo(NewsItem.EXCERPT_MAX_LENGTH).endsWith("…");
        assertThat(item.excerpt()).doesNotContain("<p>");
    }

    @Test
    void itemWithoutTitleIsAPermanentError() {
        assertThatThrownBy(() -> normaliser.normalise(raw("  <br> ", "/tin/9.html", null, "x", null), SOURCE))
                .isInstanceOf(PermanentSourceException.class)
                .hasMessageContaining("without a title")
                .hasMessageContaining("https://quangtri.example.gov.vn/tin/9.html");
    }

    @Test
    void customDatePatternOfTheSourceWins() {
        SourceContext monthFirst = new SourceContext("s", "p", null, FEED_URL, "MM/dd/yyyy");
        RawItem item = new RawItem("Tin", "/a", null, null, "02/09/2024", Instant.parse("2024-09-01T17:00:00Z"), null);

        assertThat(normaliser.normalise(item, monthFirst).publishedAt()).isEqualTo(Instant.parse("2024-02-08T17:00:00Z"));
    }

    @Test
    void parserDateIsUsedWhenThereIsNoText() {
        RawItem item = new RawItem("Tin", "/a", null, null, null, Instant.parse("2024-02-09T08:00:00Z"), null);

        NewsItem normalised = normaliser.normalise(item, SOURCE);

        assertThat(normalised.publishedAt()).isEqualTo(Instant.parse("2024-02-09T08:00:00Z"));
        assertThat(normalised.dateFlagged()).isFalse();
    }

    // ---- URLs ----

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://QuangTri.Example.GOV.vn/a.html                      | https://quangtri.example.gov.vn/a.html
            HTTPS://x.example.gov.vn:443/a                              | https://x.example.gov.vn/a
            http://x.example.gov.vn:80/a                                | http://x.example.gov.vn/a
            http://x.example.gov.vn:8080/a                              | http://x.example.gov.vn:8080/a
            https://x.example.gov.vn                                    | https://x.example.gov.vn/
            https://x.example.gov.vn/a?utm_source=rss&id=5&UTM_Medium=x | https://x.example.gov.vn/a?id=5
            https://x.example.gov.vn/a?utm_source=rss                   | https://x.example.gov.vn/a
            https://x.example.gov.vn/a?b=2&a=1#binh-luan                | https://x.example.gov.vn/a?b=2&a=1
            /tin-tuc/b.html                                             | https://quangtri.example.gov.vn/tin-tuc/b.html
            c.html                                                      | https://quangtri.example.gov.vn/rss/c.html
            ../d.html                                                   | https://quangtri.example.gov.vn/d.html
            //cdn.example.gov.vn/e.html                                 | https://cdn.example.gov.vn/e.html
            /tin tức/bài viết.html                                      | https://quangtri.example.gov.vn/tin%20t%E1%BB%A9c/b%C3%A0i%20vi%E1%BA%BFt.html
            /tin-t%e1%bb%a9c.html                                       | https://quangtri.example.gov.vn/tin-t%E1%BB%A9c.html
            https://user:pw@x.example.gov.vn/a                          | https://x.example.gov.vn/a
            """)
    void linksAreCanonicalised(String link, String expected) {
        assertThat(NewsNormaliser.canonicalLink(link, FEED_URL)).contains(expected);
    }

    @Test
    void nonHttpLinksAreNotLinks() {
        assertThat(NewsNormaliser.canonicalLink("javascript:alert(1)", FEED_URL)).isEmpty();
        assertThat(NewsNormaliser.canonicalLink("mailto:vanphong@example.gov.vn", FEED_URL)).isEmpty();
        assertThat(NewsNormaliser.canonicalLink("  ", FEED_URL)).isEmpty();
        assertThat(NewsNormaliser.canonicalLink(null, FEED_URL)).isEmpty();
    }

    @Test
    void itemWithJavascriptLinkFallsBackToSourceUrl() {
        NewsItem item = normaliser.normalise(raw("Tin", "javascript:void(0)", null, null, null), SOURCE);

        assertThat(item.link()).isEqualTo(FEED_URL);
    }

    @Test
    void dotSegmentsAboveTheRootAreDropped() {
        assertThat(NewsNormaliser.canonicalLink("../../tin/a.html", "https://portal.example.gov.vn/rss.xml"))
                .hasValue("https://portal.example.gov.vn/tin/a.html");
        assertThat(NewsNormaliser.canonicalLink("/../a.html?x=1", "https://portal.example.gov.vn/")).hasValue("https://portal.example.gov.vn/a.html?x=1");
    }
}
