package vn.govhub.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BenchFeedsTest {

    static final PortalSimulator portal = new PortalSimulator();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        portal.start();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static HttpResponse<byte[]> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static SyndFeed parse(byte[] body) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
    }

    @Test
    void everyBenchFeedHasFiftyDistinctItemsNoOtherFeedShares() throws Exception {
        assertThat(portal.benchFeedCount()).isEqualTo(100);
        Set<String> allGuids = new HashSet<>();
        for (int n = 0; n < portal.benchFeedCount(); n++) {
            String prefix = portal.baseUrl() + "/bench/" + n + "/tin-tuc/";
            HttpResponse<byte[]> response = get(portal.benchUrl(n));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=UTF-8");
            List<SyndEntry> entries = parse(response.body()).getEntries();
            assertThat(entries).hasSize(50);
            assertThat(entries).extracting(SyndEntry::getTitle).doesNotHaveDuplicates();
            assertThat(entries).extracting(SyndEntry::getUri).doesNotHaveDuplicates()
                    .allSatisfy(uri -> assertThat(uri).startsWith(prefix));
            entries.forEach(e -> allGuids.add(e.getUri()));
        }
        assertThat(allGuids).hasSize(100 * 50);
    }

    @Test
    void contentIsVietnameseAndTheSameOnEveryRun() throws Exception {
        SyndFeed feed = parse(get(portal.benchUrl(7)).body());
        assertThat(feed.getTitle()).isEqualTo("Nguồn tin thử tải số 7 (Gia Lai) - Thông tin chính quyền");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
                .allSatisfy(t -> assertThat(t).matches("[^:]+: .+"))
                .anySatisfy(t -> assertThat(t).containsAnyOf("ư", "ơ", "ế", "ạ", "Đ"));
        assertThat(feed.getEntries()).extracting(SyndEntry::getPublishedDate)
                .isSortedAccordingTo((a, b) -> b.compareTo(a));

        try (PortalSimulator other = new PortalSimulator()) {
            other.start();
            SyndFeed again = parse(get(other.benchUrl(7)).body());
            assertThat(again.getEntries()).extracting(SyndEntry::getTitle)
                    .containsExactlyElementsOf(feed.getEntries().stream().map(SyndEntry::getTitle).toList());
        }
    }

    @Test
    void matchingEtagGetsNotModified() throws Exception {
        HttpResponse<byte[]> first = get(portal.benchUrl(42));
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> second = get(portal.benchUrl(42), "If-None-Match", etag);
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(get(portal.benchUrl(43), "If-None-Match", etag).statusCode()).isEqualTo(200);
        assertThat(get(portal.benchUrl(42), "If-Modified-Since",
                first.headers().firstValue("Last-Modified").orElseThrow()).statusCode()).isEqualTo(304);
    }

    @Test
    void onlyTheConfiguredNumberOfFeedsAnswer() throws Exception {
        assertThat(get(portal.baseUrl() + "/bench/100/rss.xml").statusCode()).isEqualTo(404);
        assertThat(get(portal.baseUrl() + "/bench/007/rss.xml").statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> portal.benchUrl(100)).isInstanceOf(IllegalArgumentException.class);
        try {
            portal.setBenchFeedCount(3);
            assertThat(get(portal.benchUrl(2)).statusCode()).isEqualTo(200);
            assertThat(get(portal.baseUrl() + "/bench/3/rss.xml").statusCode()).isEqualTo(404);
        } finally {
            portal.setBenchFeedCount(100);
        }
    }
}
