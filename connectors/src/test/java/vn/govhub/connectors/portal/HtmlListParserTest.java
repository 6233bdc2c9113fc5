package vn.govhub.connectors.portal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlListParserTest {

    private static final String PAGE_URL = "https://quangtri.example.gov.vn/tin-tuc-su-kien/index.html";
    private static final HtmlSelectors PORTAL = new HtmlSelectors(
            ".news-list .news-item", ".title", null, ".date", ".sapo", ".thumb img", null);

    private final HtmlListParser parser = new HtmlListParser(PORTAL);

    private List<RawItem> parsePortalPage() {
        return parser.parse(Samples.bytes("tin-tuc-list.html"), null, PAGE_URL);
    }

    @Test
    void itemsAreReadInPageOrderAndBannersWithoutTitleAreSkipped() {
        assertThat(parsePortalPage()).extracting(RawItem::title).containsExactly(
                "Hội nghị tổng kết công tác cải cách hành chính năm 2023",
                "Triển khai dịch vụ công trực tuyến toàn trình & một phần",
                "Thông báo lịch tiếp công dân tháng 2/2024",
                "Quảng Trị đón nhận Huân chương Lao động hạng Nhất");
    }

    @Test
    void relativeLinksBecomeAbsolute() {
        List<RawItem> items = parsePortalPage();

        assertThat(items.get(0).link())
                .isEqualTo("https://quangtri.example.gov.vn/tin-tuc-su-kien/hoi-nghi-tong-ket-cchc-2023-1042.html");
        // relative to the page's directory, not the host root
        assertThat(items.get(1).link())
                .isEqualTo("https://quangtri.example.gov.vn/tin-tuc-su-kien/dich-vu-cong-truc-tuyen-1041.html?utm_source=home");
        assertThat(items.get(2).link())
                .isEqualTo("https://quangtri.example.gov.vn/thong-bao/lich-tiep-cong-dan-thang-2.html");
    }

    @Test
    void lazyLoadedImagePrefersDataSrcOverPlaceholder() {
        List<RawItem> items = parsePortalPage();

        assertThat(items.get(0).imageUrl()).isEqualTo("https://quangtri.example.gov.vn/uploads/2024/02/hoi-nghi-cchc.jpg");
        assertThat(items.get(1).imageUrl()).isEqualTo("https://quangtri.example.gov.vn/uploads/2024/02/dvc.png");
        assertThat(items.get(2).imageUrl()).isNull();
    }

    @Test
    void vietnameseDatesAndDatetimeAttributesAreRead() {
        List<RawItem> items = parsePortalPage();

        assertThat(items.get(0).dateText()).isEqualTo("15:00 ngày 09/02/2024");
        assertThat(items.get(0).date()).isEqualTo(Instant.parse("2024-02-09T08:00:00Z"));
        assertThat(items.get(1).date()).isEqualTo(Instant.parse("2024-02-09T03:30:00Z"));
        assertThat(items.get(2).dateText()).isNull();
        assertThat(items.get(2).date()).isNull();
        assertThat(items.get(3).date()).isEqualTo(Instant.parse("2024-02-08T02:15:00Z"));
    }

    @Test
    void summaryIsTheInnerHtmlUnsanitised() {
        // sanitising is the normaliser's job, in one place for feeds and pages alike
        assertThat(parsePortalPage().get(0).summaryHtml()).contains("<b>Hội nghị</b>", "<script>");
    }

    @Test
    void listPagesHaveNoGuid() {
        assertThat(parsePortalPage()).extracting(RawItem::guid).containsOnlyNulls();
    }

    @Test
    void explicitLinkSelectorIsUsed() {
        HtmlSelectors thumbLinks = new HtmlSelectors(".news-item", ".title", ".thumb", null, null, null, null);

        List<RawItem> items = new HtmlListParser(thumbLinks).parse(Samples.bytes("tin-tuc-list.html"), "utf-8", PAGE_URL);

        assertThat(items.get(0).link()).endsWith("/tin-tuc-su-kien/hoi-nghi-tong-ket-cchc-2023-1042.html");
        assertThat(items.get(2).link()).isNull();
    }

    @Test
    void customDatePatternIsApplied() {
        String html = """
                <ul><li class="n"><a href="/a.html">Tin một</a><em>2024.02.09 - 15h00</em></li></ul>""";
        HtmlSelectors selectors = new HtmlSelectors("li.n", "a", null, "em", null, null, "yyyy.MM.dd - HH'h'mm");

        RawItem item = new HtmlListParser(selectors).parse(html.getBytes(UTF_8), null, PAGE_URL).get(0);

        assertThat(item.date()).isEqualTo(Instant.parse("2024-02-09T08:00:00Z"));
        assertThat(item.link()).isEqualTo("https://quangtri.example.gov.vn/a.html");
    }

    @Test
    void selectorMatchingNothingIsAPermanentError() {
        HtmlListParser redesigned = new HtmlListParser(
                new HtmlSelectors(".tin-moi .item", ".title", null, null, null, null, null));

        assertThatThrownBy(() -> redesigned.parse(Samples.bytes("tin-tuc-list.html"), null, PAGE_URL))
                .isInstanceOf(PermanentSourceException.class)
                .hasMessageContaining(".tin-moi .item")
                .hasMessageContaining(PAGE_URL);
    }

    @Test
    void emptyAndOversizedPagesArePermanentErrors() {
        assertThatThrownBy(() -> parser.parse(new byte[0], null, PAGE_URL))
                .isInstanceOf(PermanentSourceException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> new HtmlListParser(PORTAL, 100).parse(Samples.bytes("tin-tuc-list.html"), null, PAGE_URL))
                .isInstanceOf(PermanentSourceException.class).hasMessageContaining("limit of 100");
    }

    @Test
    void unknownCharsetIsAPermanentError() {
        assertThatThrownBy(() -> parser.parse(Samples.bytes("tin-tuc-list.html"), "vni-windows", PAGE_URL))
                .isInstanceOf(PermanentSourceException.class).hasMessageContaining("vni-windows");
    }

    @Test
    void invalidSelectorsAndPatternsAreRejectedWhenConfigured() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HtmlSelectors("div[", ".title", null, null, null, null, null))
                .withMessageContaining("item selector");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HtmlSelectors(".item", null, null, null, null, null, null))
                .withMessageContaining("title selector is required");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HtmlSelectors(".item", ".t", null, null, null, null, "dd/MM/yyyy {"))
                .withMessageContaining("datePattern");
    }
}
