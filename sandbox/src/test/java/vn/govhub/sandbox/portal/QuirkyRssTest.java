package vn.govhub.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bình Phước's RSS is valid but written the careless way older portal software writes it. */
class QuirkyRssTest {

    static final PortalSimulator portal = new PortalSimulator();
    static byte[] body;
    static SyndFeed feed;

    @BeforeAll
    static void fetch() throws Exception {
        portal.start();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(portal.rssUrl("binhphuoc"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        body = response.body();
        feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void parsesWithRomeIntoVietnameseText() {
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Cổng thông tin điện tử tỉnh Bình Phước - Thông tin chính quyền");
        assertThat(feed.getEntries()).hasSize(15);
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
                .containsAll(portal.items("binhphuoc").stream().map(NewsItem::title).toList())
                .contains("Hạt điều & hồ tiêu Bình Phước vào vụ thu hoạch");
    }

    @Test
    void writesNumericCharacterReferencesEntitiesAndCdata() {
        String xml = new String(body, StandardCharsets.UTF_8);
        assertThat(xml).contains("&#7879;", "&amp;", "<description><![CDATA[<p>");
    }

    @Test
    void itemLinksAreRelativeToTheSite() {
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink)
                .allSatisfy(link -> assertThat(link).matches("/binhphuoc/tin-tuc/[a-z0-9-]+-\\d+\\.html"));
    }

    @Test
    void fewItemsHaveAGuidAndSomeHaveNoPubDate() {
        String xml = new String(body, StandardCharsets.UTF_8);
        int guids = xml.split("<guid", -1).length - 1;
        assertThat(guids).isBetween(1, feed.getEntries().size() - 1);
        assertThat(xml).contains("<guid isPermaLink=\"false\">binhphuoc-");

        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries).anySatisfy(e -> assertThat(e.getPublishedDate()).isNull());
        assertThat(entries).anySatisfy(e -> assertThat(e.getPublishedDate()).isNotNull());
    }
}
