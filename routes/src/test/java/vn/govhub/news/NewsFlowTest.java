package vn.govhub.news;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.govhub.sandbox.Received;
import vn.govhub.sandbox.portal.PortalSimulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The news flow end to end against the portal simulator: ingestion, dedupe, conditional GET, API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.admin.token=test-operator-token",
        "govhub.config-dir=src/test/resources/news-config",
        "govhub.news.backoff-base=200ms",
        "govhub.news.backoff-max=1s",
        "govhub.news.fetch-deadline=2s",
        "govhub.news.degraded-after-failures=2",
        "govhub.http.response-timeout=2s"})
class NewsFlowTest {

    private static final PortalSimulator PORTAL = startPortal();
    /** A portal that never stops sending its feed (chunked, no length): only the hub's limit ends it. */
    private static final com.sun.net.httpserver.HttpServer ENDLESS = endless();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVINCE = "news-test";

    private static PortalSimulator startPortal() {
        PortalSimulator portal = new PortalSimulator(0);
        portal.setSlowDripTotal(Duration.ofSeconds(4));
        portal.setTimeoutDelay(Duration.ofSeconds(6));
        portal.start();
        return portal;
    }

    private static com.sun.net.httpserver.HttpServer endless() {
        try {
            var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/endless.rss", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, 0);
                byte[] filler = ("<rss version=\"2.0\"><channel><title>" + "x".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII);
                try (var out = exchange.getResponseBody()) {
                    for (long sent = 0; sent < (2L << 30); sent += filler.length) { // 2 GB, far past any limit
                        out.write(filler);
                    }
                } catch (java.io.IOException hubHungUp) {
                    // expected: the hub stops reading at its limit
                }
            });
            // links that lead inside the hub's network, or to a host nobody allowed, through a redirect
            server.createContext("/redirect-inside.rss", exchange -> {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.createContext("/redirect-elsewhere.rss", exchange -> {
                exchange.getResponseHeaders().add("Location", "http://evil.example.com/feed.rss");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            // an answer that says up front it is 50 MB: refused before a byte of it is read
            server.createContext("/declared.rss", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, 50L << 20);
                try (var out = exchange.getResponseBody()) {
                    out.write(new byte[1 << 20]);
                } catch (java.io.IOException hubHungUp) {
                    // expected
                }
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry registry) {
        registry.add("test.portal", PORTAL::baseUrl);
        registry.add("test.endless", () -> "http://127.0.0.1:" + ENDLESS.getAddress().getPort());
    }

    @AfterAll
    static void stopPortal() {
        PORTAL.close();
        ENDLESS.stop(0);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    NewsIngestor ingestor;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void everySourceIngested() {
        await().atMost(Duration.ofSeconds(20)).until(() -> stored("good-rss") >= 18 && stored("good-atom") >= 16 && stored("capped-rss") >= 5);
    }

    @Test
    void eachSourceStoresItsItemsOnceAndHonoursMaxItems() {
        assertThat(stored("good-rss")).isEqualTo(PORTAL.items("tayninh").size());
        assertThat(stored("good-atom")).isEqualTo(PORTAL.items("dongnai").size());
        assertThat(stored("capped-rss")).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM news_item WHERE image_url IS NOT NULL AND image_url NOT LIKE 'http%'", Long.class)).isZero();
    }

    @Test
    void unchangedFeedIsAskedConditionallyAndWritesNothing() {
        String route = "news-poll-news-test-capped-rss";
        String lastWrite = jdbc.queryForObject("SELECT CAST(MAX(updated_at) AS VARCHAR(64)) FROM news_item", String.class);
        double notModified = results(route, "not_modified");
        double polls = polls(route);
        await().atMost(Duration.ofSeconds(10)).until(() -> polls(route) >= polls + 3);
        assertThat(results(route, "not_modified")).isGreaterThanOrEqualTo(notModified + 2);
        assertThat(jdbc.queryForObject("SELECT CAST(MAX(updated_at) AS VARCHAR(64)) FROM news_item", String.class)).isEqualTo(lastWrite);
        List<Received> asked = PORTAL.received("/longan/rss.xml");
        assertThat(asked.get(asked.size() - 1).header("If-None-Match")).isPresent();
        assertThat(asked.get(asked.size() - 1).header("Accept-Encoding")).hasValueSatisfying(v -> assertThat(v).contains("gzip"));
    }

    @Test
    void anEditedItemUpdatesItsOneRow() {
        long before = stored("good-atom");
        PortalSimulator.class.getName();
        var edited = PORTAL.editItem("dongnai", 1, "Đồng Nai điều chỉnh lịch tiếp công dân tháng 12");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM news_item WHERE source_id = 'good-atom' AND title = ?", Long.class, edited.title()) == 1);
        assertThat(stored("good-atom")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM news_item WHERE source_id = 'good-atom' AND updated_at > created_at",
                Long.class)).isEqualTo(1);
    }

    @Test
    void paginationIsStableWhileNewItemsArrive() throws Exception {
        Set<Long> before = new HashSet<>(jdbc.queryForList("SELECT id FROM news_item WHERE province = ?", Long.class, PROVINCE));
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json("/api/v1/news?province=" + PROVINCE + "&limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(item -> seen.add(item.path("id").asLong()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            if (pages++ < 3) {
                // a new item lands at the top between two page loads
                int published = PORTAL.items("tayninh").size();
                PORTAL.publish("tayninh", "Tin mới số " + pages, "Nội dung tin mới", "chinh-quyen");
                await().atMost(Duration.ofSeconds(10)).until(() -> stored("good-rss") > published - 1 && stored("good-rss") >= PORTAL.items("tayninh").size());
            }
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(before);
    }

    @Test
    void searchIgnoresAccentsCaseAndUnicodeForm() throws Exception {
        assertThat(PORTAL.items("dongnai")).anyMatch(item -> item.title().contains("Đồng Nai"));
        for (String q : List.of("dong nai", "ĐỒNG NAI", Normalizer.normalize("đồng nai", Normalizer.Form.NFD), "Đồng Nai")) {
            JsonNode page = json("/api/v1/news?province=" + PROVINCE + "&limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(page.path("items").findValuesAsText("title")).as(q).isNotEmpty().allMatch(t -> t.contains("Đồng Nai")
                    || jdbc.queryForObject("SELECT COUNT(*) FROM news_item WHERE title = ? AND excerpt LIKE '%Đồng Nai%'", Long.class, t) > 0);
        }
    }

    @Test
    void oneItemComesWithItsShareCard() throws Exception {
        long id = jdbc.queryForObject("SELECT MIN(id) FROM news_item WHERE source_id = 'good-rss'", Long.class);
        JsonNode item = json("/api/v1/news/" + id);
        assertThat(item.path("title").asText()).isNotBlank();
        assertThat(item.path("summaryHtml").asText()).doesNotContain("<script");
        JsonNode share = item.path("share");
        assertThat(share.path("title").asText()).isEqualTo(item.path("title").asText());
        assertThat(share.path("description").asText().length()).isLessThanOrEqualTo(200);
        assertThat(share.path("link").asText()).startsWith("http://");
        assertThat(get("/api/v1/news/99999999").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/news/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        assertProblem("/api/v1/news?limit=0", "limit");
        assertProblem("/api/v1/news?limit=51", "limit");
        assertProblem("/api/v1/news?limit=many", "limit");
        assertProblem("/api/v1/news?cursor=bm90LWEtY3Vyc29y", "cursor");
        assertProblem("/api/v1/news?province=atlantis", "province");
        assertProblem("/api/v1/news?category=Chinh%20Quyen", "category");
        assertProblem("/api/v1/news?q=" + "a".repeat(201), "q");
    }

    @Test
    void sourcesReportTheirStateAndItemsStored() throws Exception {
        JsonNode sources = json("/api/v1/news/sources");
        assertThat(sources.findValuesAsText("source")).contains("good-rss", "good-atom", "capped-rss");
        for (JsonNode source : sources) {
            if (source.path("source").asText().equals("good-rss")) {
                assertThat(source.path("itemsStored").asLong()).isGreaterThanOrEqualTo(18);
                assertThat(source.path("consecutiveFailures").asInt()).isZero();
                assertThat(source.path("lastSuccessAt").asText()).isNotBlank();
            }
        }
    }

    @Test
    void everyBrokenSourceIsReportedWithItsReasonStoresNothingAndStopsNoOther() throws Exception {
        Map<String, String> reasons = Map.ofEntries(
                Map.entry("broken-malformed", "malformed XML"),
                Map.entry("broken-html-as-rss", "HTML"),
                Map.entry("broken-doctype-bomb", "DOCTYPE"),
                Map.entry("broken-xxe", "DOCTYPE"),
                Map.entry("broken-huge", "exceeds"),
                Map.entry("broken-endless", "exceeds"),
                Map.entry("broken-declared", "declares \\d+ bytes"),
                Map.entry("broken-redirect-inside", "169.254.169.254.*(not allowed|internal address)"),
                Map.entry("broken-redirect-elsewhere", "evil.example.com is not allowed"),
                Map.entry("broken-not-found", "404"),
                Map.entry("broken-server-error", "500"),
                Map.entry("broken-slow-drip", "(still arriving|timed out)"),
                Map.entry("broken-timeout", "timed out"),
                Map.entry("broken-wrong-encoding", "UTF-8"),
                Map.entry("broken-empty", "empty"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reasons.keySet().stream().allMatch(s -> failures(s) >= 2));
        JsonNode sources = json("/api/v1/news/sources");
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode source : sources) {
            String id = source.path("source").asText();
            if (reasons.containsKey(id)) {
                softly.assertThat(source.path("lastError").asText()).as(id).containsPattern("(?i)" + reasons.get(id));
                softly.assertThat(source.path("itemsStored").asLong()).as(id).isZero();
            }
        }
        softly.assertAll();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM news_item WHERE source_id LIKE 'broken-%'", Long.class)).isZero();
        // the good sources went on: a new item still arrives while the broken ones keep failing
        var fresh = PORTAL.publish("dongnai", "Tin mới trong lúc nguồn khác lỗi", "Nội dung", "chinh-quyen");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM news_item WHERE title = ?", Long.class, fresh.title()) == 1);
    }

    @Test
    void aDrippingSourceIsAbandonedAtItsDeadlineAndPolledAgainOnSchedule() throws Exception {
        // half a kilobyte a second would take a minute; the deadline is 2 s and each piece comes well within the read timeout
        PORTAL.failNext("/tayninh/rss.xml", 1, vn.govhub.sandbox.Fault.drip(Duration.ofSeconds(60), 120));
        PORTAL.publish("tayninh", "Tin đến chậm", "Nội dung đến từng mảnh", "chinh-quyen"); // so the next poll is a full answer
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).until(() -> ingestor.status(PROVINCE, "good-rss").lastError() != null
                && ingestor.status(PROVINCE, "good-rss").lastError().matches("(?i).*(still arriving|timed out).*"));
        // the whole drip would take a minute; the poll ended within its limits (deadline 2 s, 2 s between packets)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(12));
        // the source keeps its schedule: the next poll succeeds and the failure is forgotten
        await().atMost(Duration.ofSeconds(15)).until(() -> ingestor.status(PROVINCE, "good-rss").consecutiveFailures() == 0);
    }

    @Test
    void failingSourcesMakeNewsDegradedNotTheHubDown() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> failures("broken-server-error") >= 2);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .header("Authorization", "Bearer test-operator-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("components").path("news").path("status").asText()).isEqualTo("DEGRADED");
        assertThat(body.path("status").asText()).isNotEqualTo("DOWN");
        assertThat(JSON.readTree(get("/actuator/health/readiness").body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void htmlListPagesAndQuirkyFeedsAreNormalised() {
        await().atMost(Duration.ofSeconds(20)).until(() -> stored("html-list") >= 10 && stored("quirky-rss") >= 15);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM news_item WHERE source_id IN ('html-list', 'quirky-rss') AND link NOT LIKE 'http://%'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM news_item WHERE source_id = 'html-list' AND date_flagged", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM news_item WHERE source_id = 'quirky-rss' AND (title LIKE '%&amp;%' OR title LIKE '%&#%')", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM news_item WHERE summary_html LIKE '%<script%' OR summary_html LIKE '%onerror%'", Long.class)).isZero();
    }

    private int failures(String source) {
        return ingestor.status(PROVINCE, source).consecutiveFailures();
    }

    private void assertProblem(String path, String field) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("field")).as(path).containsExactly(field);
    }

    private long stored(String source) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM news_item WHERE province = ? AND source_id = ?", Long.class, PROVINCE, source);
    }

    private double polls(String route) {
        return meters.find("govhub.news.polls").tag("source", route).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double results(String route, String result) {
        return meters.find("govhub.news.poll.results").tag("source", route.replace("news-poll-news-test-", ""))
                .tag("result", result).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
