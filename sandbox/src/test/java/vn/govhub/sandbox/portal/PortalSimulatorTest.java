package vn.govhub.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govhub.sandbox.Fault;
import vn.govhub.sandbox.Received;

class PortalSimulatorTest {

    static final PortalSimulator portal = new PortalSimulator();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() {
        portal.start();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @BeforeEach
    void clean() {
        portal.reset();
    }

    static HttpResponse<byte[]> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static SyndFeed parse(byte[] body) throws Exception {
        try (InputStream in = new ByteArrayInputStream(body)) {
            return new SyndFeedInput().build(new XmlReader(in));
        }
    }

    static String etagOf(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void rssFeedParsesWithRomeAndCarriesVietnameseNews() throws Exception {
        HttpResponse<byte[]> response = get(portal.rssUrl("tayninh"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=UTF-8");
        SyndFeed feed = parse(response.body());
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Cổng thông tin điện tử tỉnh Tây Ninh - Thông tin chính quyền");
        assertThat(feed.getLanguage()).isEqualTo("vi-VN");
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries).hasSize(18);
        assertThat(entries).extracting(SyndEntry::getTitle)
                .allSatisfy(t -> assertThat(Normalizer.isNormalized(t, Normalizer.Form.NFC)).isTrue())
                .anySatisfy(t -> assertThat(t).containsAnyOf("ư", "ơ", "ế", "ạ", "Đ"));
        for (SyndEntry entry : entries) {
            assertThat(entry.getLink()).startsWith(portal.baseUrl() + "/tayninh/tin-tuc/").endsWith(".html");
            assertThat(entry.getUri()).isEqualTo(entry.getLink());
            assertThat(entry.getPublishedDate()).isNotNull();
            assertThat(entry.getCategories()).isNotEmpty();
            assertThat(entry.getDescription().getValue()).contains("<p>", "<img src=");
        }
        assertThat(entries).extracting(SyndEntry::getPublishedDate).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void atomFeedParsesWithRomeAndMatchesTheRssItems() throws Exception {
        HttpResponse<byte[]> response = get(portal.atomUrl("longan"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=UTF-8");
        SyndFeed atom = parse(response.body());
        SyndFeed rss = parse(get(portal.rssUrl("longan")).body());
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getEntries()).hasSize(20);
        assertThat(atom.getEntries()).extracting(SyndEntry::getTitle)
                .containsExactlyElementsOf(rss.getEntries().stream().map(SyndEntry::getTitle).toList());
        assertThat(atom.getEntries()).extracting(SyndEntry::getUri)
                .containsExactlyElementsOf(rss.getEntries().stream().map(SyndEntry::getUri).toList());
        assertThat(atom.getEntries()).extracting(SyndEntry::getPublishedDate)
                .containsExactlyElementsOf(rss.getEntries().stream().map(SyndEntry::getPublishedDate).toList());
        assertThat(atom.getEntries().get(0).getCategories().get(0).getName()).matches("[a-z-]+");
    }

    @Test
    void everyPortalServesBothFeeds() throws Exception {
        assertThat(portal.portals()).contains("tayninh", "dongnai", "longan");
        for (String id : portal.portals()) {
            assertThat(parse(get(portal.rssUrl(id)).body()).getEntries()).hasSizeBetween(15, 20);
            assertThat(parse(get(portal.atomUrl(id)).body()).getTitle()).startsWith(portal.portalName(id));
        }
    }

    @Test
    void indexListsEveryPortalWithItsFeedUrls() throws Exception {
        HttpResponse<byte[]> response = get(portal.indexUrl());

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
        JsonNode index = new ObjectMapper().readTree(response.body());
        assertThat(index.get("portals")).hasSize(4);
        JsonNode dongnai = index.get("portals").get(1);
        assertThat(dongnai.get("name").asText()).isEqualTo("Cổng thông tin điện tử tỉnh Đồng Nai");
        assertThat(dongnai.get("rss").asText()).isEqualTo(portal.rssUrl("dongnai"));
        assertThat(dongnai.get("atom").asText()).isEqualTo(portal.atomUrl("dongnai"));
        assertThat(dongnai.get("html").asText()).isEqualTo(portal.listUrl("dongnai"));
    }

    @Test
    void contentIsTheSameOnEveryRun() {
        PortalSimulator other = new PortalSimulator();
        for (String id : portal.portals()) {
            assertThat(other.items(id)).isEqualTo(portal.items(id));
        }
        assertThat(portal.lastModified("tayninh")).isBeforeOrEqualTo(PortalSimulator.DEFAULT_BASE_INSTANT);
    }

    @Test
    void textThatNeedsEscapingSurvivesTheRoundTrip() throws Exception {
        String title = "Hỏi & đáp: \"thủ tục\" <mới> cho hộ kinh doanh";
        portal.publish("dongnai", title, "Giá trị < 5 triệu & > 1 triệu đồng", "dich-vu-cong");

        SyndEntry rss = parse(get(portal.rssUrl("dongnai")).body()).getEntries().get(0);
        SyndEntry atom = parse(get(portal.atomUrl("dongnai")).body()).getEntries().get(0);
        assertThat(rss.getTitle()).isEqualTo(title);
        assertThat(atom.getTitle()).isEqualTo(title);
        assertThat(rss.getDescription().getValue()).contains("Giá trị &lt; 5 triệu &amp; &gt; 1 triệu đồng");
    }

    @Test
    void descriptionsReferToImagesByRelativeAndAbsoluteUrlsThatResolve() throws Exception {
        List<String> descriptions = parse(get(portal.rssUrl("tayninh")).body()).getEntries().stream()
                .map(e -> e.getDescription().getValue()).toList();
        assertThat(descriptions).anySatisfy(d -> assertThat(d).contains("src=\"/tayninh/uploads/"));
        assertThat(descriptions).anySatisfy(d -> assertThat(d).contains("src=\"" + portal.baseUrl() + "/tayninh/"));

        NewsItem item = portal.items("tayninh").get(0);
        HttpResponse<byte[]> image = get(portal.baseUrl() + item.imagePath());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(image.body()).startsWith((byte) 0xFF, (byte) 0xD8);
    }

    @Test
    void itemLinksOpenTheArticlePage() throws Exception {
        NewsItem item = portal.items("longan").get(3);

        HttpResponse<byte[]> page = get(portal.link(item));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains(item.title().replace("&", "&amp;"));
        assertThat(get(portal.baseUrl() + "/longan/tin-tuc/khong-co-bai-nay-1.html").statusCode()).isEqualTo(404);
    }

    @Test
    void matchingEtagGetsNotModifiedWithoutBody() throws Exception {
        HttpResponse<byte[]> first = get(portal.rssUrl("tayninh"));
        String etag = etagOf(first);
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        HttpResponse<byte[]> second = get(portal.rssUrl("tayninh"), "If-None-Match", etag);
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(etagOf(second)).isEqualTo(etag);
    }

    @Test
    void otherEtagGetsTheFullFeed() throws Exception {
        HttpResponse<byte[]> response = get(portal.atomUrl("tayninh"), "If-None-Match", "\"khac\"");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isNotEmpty();
    }

    @Test
    void ifModifiedSinceNotOlderThanLastModifiedGetsNotModified() throws Exception {
        HttpResponse<byte[]> first = get(portal.atomUrl("dongnai"));
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(lastModified).endsWith("GMT");

        assertThat(get(portal.atomUrl("dongnai"), "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get(portal.atomUrl("dongnai"), "If-Modified-Since", "Tue, 1 Jan 2030 00:00:00 GMT")
                .statusCode()).isEqualTo(304);
        assertThat(get(portal.atomUrl("dongnai"), "If-Modified-Since", "Mon, 1 Jan 2024 00:00:00 GMT")
                .statusCode()).isEqualTo(200);
        assertThat(get(portal.atomUrl("dongnai"), "If-Modified-Since", "hôm qua").statusCode()).isEqualTo(200);
    }

    @Test
    void publishingPutsTheItemOnTopAndChangesEtagAndLastModified() throws Exception {
        HttpResponse<byte[]> before = get(portal.rssUrl("longan"));
        int countBefore = parse(before.body()).getEntries().size();

        NewsItem published = portal.publish("longan", new NewsItemSeed("Giá lúa tăng nhẹ tại Long An",
                "Lúa Đài Thơm 8 được thu mua 8.000 đồng/kg.", "nong-san"));

        HttpResponse<byte[]> revalidated = get(portal.rssUrl("longan"), "If-None-Match", etagOf(before));
        assertThat(revalidated.statusCode()).isEqualTo(200);
        assertThat(etagOf(revalidated)).isNotEqualTo(etagOf(before));
        assertThat(revalidated.headers().firstValue("Last-Modified"))
                .isNotEqualTo(before.headers().firstValue("Last-Modified"));
        assertThat(get(portal.rssUrl("longan"), "If-Modified-Since",
                before.headers().firstValue("Last-Modified").orElseThrow()).statusCode()).isEqualTo(200);
        List<SyndEntry> entries = parse(revalidated.body()).getEntries();
        assertThat(entries).hasSize(countBefore + 1);
        assertThat(entries.get(0).getTitle()).isEqualTo("Giá lúa tăng nhẹ tại Long An");
        assertThat(entries.get(0).getUri()).isEqualTo(portal.link(published));
        assertThat(published.published()).isAfter(entries.get(1).getPublishedDate().toInstant());
    }

    @Test
    void editingRetitlesTheItemButKeepsItsGuid() throws Exception {
        SyndEntry original = parse(get(portal.atomUrl("tayninh")).body()).getEntries().get(2);

        portal.editItem("tayninh", original.getUri(), "Tây Ninh điều chỉnh lịch tiếp công dân tháng 6");

        SyndFeed atom = parse(get(portal.atomUrl("tayninh")).body());
        SyndEntry edited = atom.getEntries().get(2);
        assertThat(edited.getUri()).isEqualTo(original.getUri());
        assertThat(edited.getTitle()).isEqualTo("Tây Ninh điều chỉnh lịch tiếp công dân tháng 6");
        assertThat(edited.getUpdatedDate()).isAfter(original.getUpdatedDate());
        assertThat(portal.editItem("tayninh", 0, "Tin mới nhất").title()).isEqualTo("Tin mới nhất");
    }

    @Test
    void removingAnItemTakesItOffTheFeeds() throws Exception {
        NewsItem item = portal.items("dongnai").get(1);

        assertThat(portal.removeItem("dongnai", portal.link(item))).isTrue();

        assertThat(parse(get(portal.rssUrl("dongnai")).body()).getEntries()).extracting(SyndEntry::getUri)
                .doesNotContain(portal.link(item));
        assertThat(portal.removeItem("dongnai", portal.link(item))).isFalse();
    }

    @Test
    void resetRestoresTheInitialFeeds() throws Exception {
        String initialEtag = etagOf(get(portal.rssUrl("tayninh")));
        portal.publish("tayninh", "Tin thử nghiệm", "Nội dung thử nghiệm", "chinh-quyen");
        assertThat(etagOf(get(portal.rssUrl("tayninh")))).isNotEqualTo(initialEtag);

        portal.reset();

        assertThat(etagOf(get(portal.rssUrl("tayninh")))).isEqualTo(initialEtag);
    }

    @Test
    void gzipIsServedWhenAskedAndStillRevalidates() throws Exception {
        HttpResponse<byte[]> response = get(portal.rssUrl("tayninh"), "Accept-Encoding", "gzip");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] body;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            body = in.readAllBytes();
        }
        assertThat(parse(body).getEntries()).hasSize(18);

        HttpResponse<byte[]> revalidated = get(portal.rssUrl("tayninh"), "Accept-Encoding", "gzip",
                "If-None-Match", etagOf(response));
        assertThat(revalidated.statusCode()).isEqualTo(304);
    }

    @Test
    void twoFailuresThenTheFeedRecovers() throws Exception {
        portal.failNext("/tayninh/", 2, Fault.status(503));

        assertThat(get(portal.rssUrl("tayninh")).statusCode()).isEqualTo(503);
        assertThat(get(portal.rssUrl("dongnai")).statusCode()).isEqualTo(200);
        assertThat(get(portal.atomUrl("tayninh")).statusCode()).isEqualTo(503);
        assertThat(get(portal.rssUrl("tayninh")).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedFeedFailsToParse() throws Exception {
        portal.failNext(1, Fault.malformed("<rss version=\"2.0\"><channel><title>Cổng", "application/rss+xml"));

        HttpResponse<byte[]> response = get(portal.rssUrl("longan"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> parse(response.body())).isInstanceOf(ParsingFeedException.class);
        assertThat(parse(get(portal.rssUrl("longan")).body()).getEntries()).hasSize(20);
    }

    @Test
    void slowFeedStillArrivesWhole() throws Exception {
        portal.failNext(1, Fault.delay(Duration.ofMillis(300)));
        Instant start = Instant.now();

        HttpResponse<byte[]> response = get(portal.atomUrl("tayninh"));

        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(parse(response.body()).getEntries()).hasSize(18);
    }

    @Test
    void recordsTheConditionalRequestsTheHubSends() throws Exception {
        get(portal.rssUrl("tayninh") + "?t=1", "User-Agent", "govhub/0.1", "If-None-Match", "\"abc\"");

        List<Received> received = portal.received("/tayninh");
        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/tayninh/rss.xml");
        assertThat(r.query()).isEqualTo("t=1");
        assertThat(r.header("user-agent")).hasValue("govhub/0.1");
        assertThat(r.header("IF-NONE-MATCH")).hasValue("\"abc\"");
    }

    @Test
    void unknownPortalIsRejected() throws Exception {
        assertThatThrownBy(() -> portal.rssUrl("hanoi")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tayninh");
        assertThat(get(portal.baseUrl() + "/hanoi/rss.xml").statusCode()).isEqualTo(404);
    }
}
