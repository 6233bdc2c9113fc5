package vn.govhub.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTML "Tin tức" list pages, checked against the selectors the README documents. jsoup is not on this
 * module's classpath, so the checks read the markup with regular expressions that follow the same selectors.
 */
class PortalHtmlListTest {

    static final PortalSimulator portal = new PortalSimulator();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // article.news-item, then inside it: h3.title a (title, href), span.date, p.sapo, img.thumb (src)
    static final Pattern ARTICLE = Pattern.compile("<article class=\"news-item\">(.*?)</article>", Pattern.DOTALL);
    static final Pattern TITLE_LINK = Pattern.compile("<h3 class=\"title\"><a href=\"([^\"]+)\"[^>]*>([^<]+)</a></h3>");
    static final Pattern DATE = Pattern.compile("<span class=\"date\">([^<]+)</span>");
    static final Pattern SAPO = Pattern.compile("<p class=\"sapo\">([^<]+)</p>");
    static final Pattern THUMB = Pattern.compile("<img class=\"thumb\" src=\"([^\"]+)\"");

    record Article(String link, String title, String date, String sapo, String image) {
    }

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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(5));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String html(String url) throws Exception {
        HttpResponse<byte[]> response = get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static List<Article> articles(String html) {
        List<Article> articles = new ArrayList<>();
        Matcher article = ARTICLE.matcher(html);
        while (article.find()) {
            String block = article.group(1);
            Matcher title = TITLE_LINK.matcher(block);
            assertThat(title.find()).as("h3.title a in %s", block).isTrue();
            articles.add(new Article(title.group(1), title.group(2), group(DATE, block), group(SAPO, block),
                    group(THUMB, block)));
        }
        return articles;
    }

    static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&ndash;", "–").replace("&deg;", "°")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Test
    void listPageShowsTheNewestTenItemsWithTheDocumentedSelectors() throws Exception {
        String html = html(portal.listUrl("tayninh"));

        List<Article> articles = articles(html);
        List<NewsItem> items = portal.items("tayninh");
        assertThat(articles).hasSize(HtmlListWriter.PAGE_SIZE);
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            NewsItem item = items.get(i);
            assertThat(a.link()).isEqualTo(item.path()).startsWith("/tayninh/tin-tuc/");
            assertThat(unescape(a.title())).isEqualTo(item.title());
            assertThat(unescape(a.sapo())).isEqualTo(item.summary());
            assertThat(a.image()).isEqualTo(item.imagePath()).startsWith("/tayninh/uploads/");
        }
        assertThat(html).contains("<header", "<nav class=\"menu\">", "<footer", "<script>",
                "<aside class=\"sidebar\">");
    }

    @Test
    void datesAreVietnamTimeInThePortalsFormAndSomeItemsHaveNone() throws Exception {
        List<Article> articles = articles(html(portal.listUrl("tayninh")));
        List<NewsItem> items = portal.items("tayninh");

        assertThat(articles).anySatisfy(a -> assertThat(a.date()).isNull());
        assertThat(articles).anySatisfy(a -> assertThat(a.date()).isNotNull());
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern(portal.listDatePattern("tayninh"));
        for (int i = 0; i < articles.size(); i++) {
            String date = articles.get(i).date();
            if (date != null) {
                assertThat(date).matches("\\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4}");
                assertThat(LocalDateTime.parse(date, pattern).toInstant(ZoneOffset.ofHours(7)))
                        .isEqualTo(items.get(i).published());
            }
        }
        assertThat(articles.get(0).date()).isEqualTo("05:18 ngày 02/06/2025");
    }

    @Test
    void anotherPortalWritesTheWeekdayFirst() throws Exception {
        List<Article> articles = articles(html(portal.listUrl("dongnai")));

        assertThat(portal.listDatePattern("dongnai")).isNull();
        assertThat(articles).extracting(Article::date).filteredOn(d -> d != null).isNotEmpty()
                .allSatisfy(d -> assertThat(d)
                        .matches("(Thứ (hai|ba|tư|năm|sáu|bảy)|Chủ nhật), \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"));
        // 2 June 2025 was a Monday
        assertThat(articles.get(0).date()).startsWith("Thứ hai, 02/06/2025 ");
        assertThat(articles(html(portal.listUrl("longan"))).get(0).date())
                .matches("\\d{2}/\\d{2}/\\d{4} - \\d{2}:\\d{2}");
    }

    @Test
    void summariesCarryHtmlEntities() throws Exception {
        assertThat(articles(html(portal.listUrl("tayninh")))).extracting(Article::sapo)
                .anySatisfy(s -> assertThat(s).contains("&ndash;"));
        assertThat(articles(html(portal.listUrl("binhphuoc")))).extracting(Article::sapo)
                .anySatisfy(s -> assertThat(s).contains("NN&amp;PTNT"));
    }

    @Test
    void secondPageHoldsTheRestAndPagesBeyondAreNotFound() throws Exception {
        String first = html(portal.listUrl("tayninh"));
        assertThat(first).contains("href=\"/tayninh/tin-tuc?page=2\"");

        List<Article> second = articles(html(portal.listUrl("tayninh", 2)));
        assertThat(second).extracting(Article::link).containsExactlyElementsOf(
                portal.items("tayninh").subList(10, 18).stream().map(NewsItem::path).toList());
        assertThat(get(portal.listUrl("tayninh", 3)).statusCode()).isEqualTo(404);
        assertThat(get(portal.baseUrl() + "/tayninh/tin-tuc?page=hai").statusCode()).isEqualTo(404);
        assertThat(get(portal.baseUrl() + "/tayninh/tin-tuc?page=0").statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> portal.listUrl("tayninh", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relativeLinksAndImagesResolveOnTheSite() throws Exception {
        Article article = articles(html(portal.listUrl("longan"))).get(2);

        HttpResponse<byte[]> page = get(portal.baseUrl() + article.link());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains(article.title());
        HttpResponse<byte[]> image = get(portal.baseUrl() + article.image());
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void matchingEtagGetsNotModifiedUntilSomethingIsPublished() throws Exception {
        HttpResponse<byte[]> first = get(portal.listUrl("tayninh"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();

        HttpResponse<byte[]> again = get(portal.listUrl("tayninh"), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get(portal.listUrl("tayninh", 2), "If-None-Match", etag).statusCode()).isEqualTo(200);

        portal.publish("tayninh", "Tây Ninh & Bình Dương ký kết hợp tác", "Hai tỉnh hợp tác phát triển vùng.",
                "chinh-quyen");
        HttpResponse<byte[]> changed = get(portal.listUrl("tayninh"), "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(articles(new String(changed.body(), StandardCharsets.UTF_8)).get(0).title())
                .isEqualTo("Tây Ninh &amp; Bình Dương ký kết hợp tác");
    }
}
