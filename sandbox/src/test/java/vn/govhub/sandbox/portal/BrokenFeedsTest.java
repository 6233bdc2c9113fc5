package vn.govhub.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BrokenFeedsTest {

    static final String RSS_TYPE = "application/rss+xml; charset=UTF-8";
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

    static HttpResponse<byte[]> get(String name) throws Exception {
        return get(name, Duration.ofSeconds(5));
    }

    static HttpResponse<byte[]> get(String name, Duration timeout) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(portal.brokenUrl(name))).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static void romeParses(byte[] body) throws Exception {
        new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
    }

    static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void everyCaseHasItsFixedPath() {
        assertThat(portal.brokenCases()).containsExactly("malformed", "html-as-rss", "doctype-bomb", "xxe", "huge",
                "not-found", "server-error", "slow-drip", "timeout", "wrong-encoding", "empty");
        assertThat(portal.brokenUrl("xxe")).isEqualTo(portal.baseUrl() + "/broken/xxe.rss");
        assertThatThrownBy(() -> portal.brokenUrl("xxe.rss")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("doctype-bomb");
    }

    @Test
    void malformedIsTruncatedXmlServedAsRss() throws Exception {
        HttpResponse<byte[]> response = get("malformed");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(RSS_TYPE);
        assertThat(utf8(response.body())).startsWith("<?xml").contains("<item>").doesNotContain("</rss>");
        assertThatThrownBy(() -> romeParses(response.body())).isInstanceOf(Exception.class);
    }

    @Test
    void htmlAsRssIsAnHtmlPageWithAnRssContentType() throws Exception {
        HttpResponse<byte[]> response = get("html-as-rss");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(RSS_TYPE);
        assertThat(utf8(response.body())).startsWith("<!DOCTYPE html>").contains("<html lang=\"vi\">");
        assertThatThrownBy(() -> romeParses(response.body())).isInstanceOf(Exception.class);
    }

    @Test
    void doctypeBombExpandsPastTheJdkLimit() throws Exception {
        HttpResponse<byte[]> response = get("doctype-bomb");

        assertThat(response.body().length).isLessThan(4096);
        assertThat(utf8(response.body())).contains("<!DOCTYPE rss [", "<!ENTITY lol9 \"&lol8;&lol8;");
        // the JDK parser's own entity-expansion limit is what stops it
        assertThatThrownBy(() -> DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body()))).hasMessageContaining("entity expansions");
        assertThatThrownBy(() -> romeParses(response.body())).isInstanceOf(Exception.class);
    }

    @Test
    void xxeDeclaresAnExternalEntityOnTheServersPasswordFile() throws Exception {
        HttpResponse<byte[]> response = get("xxe");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(utf8(response.body())).contains("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">",
                "<description>&xxe;</description>");
        assertThatThrownBy(() -> romeParses(response.body())).isInstanceOf(Exception.class);
    }

    @Test
    void hugeIsTwentyMebibytesOfWellFormedRss() throws Exception {
        HttpResponse<byte[]> response = get("huge", Duration.ofSeconds(10));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(RSS_TYPE);
        assertThat(response.body().length).isEqualTo(20 * 1024 * 1024);
        int items = 0;
        XMLStreamReader xml = XMLInputFactory.newDefaultFactory()
                .createXMLStreamReader(new ByteArrayInputStream(response.body()));
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("item")) {
                items++;
            }
        }
        assertThat(items).isGreaterThan(1000);
    }

    @Test
    void notFoundAndServerErrorAnswerWithHtmlErrorPages() throws Exception {
        HttpResponse<byte[]> notFound = get("not-found");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(utf8(notFound.body())).contains("<h1>404</h1>");

        HttpResponse<byte[]> serverError = get("server-error");
        assertThat(serverError.statusCode()).isEqualTo(500);
        assertThat(utf8(serverError.body())).contains("Server Error in '/' Application.");
    }

    @Test
    void slowDripSendsTheHeadersAtOnceAndAValidFeedOverTheConfiguredTime() throws Exception {
        portal.setSlowDripTotal(Duration.ofMillis(1500));
        long start = System.nanoTime();

        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(
                portal.brokenUrl("slow-drip"))).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Duration toHeaders = Duration.ofNanos(System.nanoTime() - start);
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readAllBytes();
        }
        Duration toBody = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(toHeaders).isLessThan(Duration.ofMillis(1000));
        assertThat(toBody).isGreaterThanOrEqualTo(Duration.ofMillis(1300)).isLessThan(Duration.ofSeconds(4));
        assertThat(new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body))).getEntries()).hasSize(18);
    }

    @Test
    void timeoutKeepsAnImpatientClientWaitingThenAnswersAPatientOne() throws Exception {
        portal.setTimeoutDelay(Duration.ofMillis(800));

        assertThatThrownBy(() -> get("timeout", Duration.ofMillis(200))).isInstanceOf(HttpTimeoutException.class);

        long start = System.nanoTime();
        HttpResponse<byte[]> patient = get("timeout", Duration.ofSeconds(3));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        assertThat(patient.statusCode()).isEqualTo(200);
        romeParses(patient.body());
    }

    @Test
    void wrongEncodingDeclaresUtf8ButHoldsLatin1Bytes() throws Exception {
        HttpResponse<byte[]> response = get("wrong-encoding");

        assertThat(response.headers().firstValue("Content-Type")).hasValue(RSS_TYPE);
        byte[] body = response.body();
        assertThat(new String(body, StandardCharsets.ISO_8859_1))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("Thông báo:");
        assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)))
                .isInstanceOf(CharacterCodingException.class);
        // a lenient reader does not fail: it puts U+FFFD where the Latin-1 letters were
        assertThat(new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body))).getEntries().get(0)
                .getTitle()).startsWith("Th\uFFFDng b\uFFFDo:");
    }

    @Test
    void emptyIsOkWithNoBody() throws Exception {
        HttpResponse<byte[]> response = get("empty");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(RSS_TYPE);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void brokenFeedsIgnoreResetAndRecoverNever() throws Exception {
        byte[] first = get("malformed").body();
        portal.reset();
        assertThat(Arrays.equals(get("malformed").body(), first)).isTrue();
    }
}
