package vn.govhub.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.govhub.testing.FreePorts;
import vn.govhub.testing.RawHttp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every request body is bounded while it is read, on every face: a declared length over the limit is refused before
 * the body is read, a body without one is cut off at the limit, a drip is abandoned at its deadline, the node's
 * budget of bodies in flight answers 503, and malformed bodies are 400 — each as problem+json, nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.sandbox.tthc-procedures=20",
        "govhub.inbound.max-body-bytes=64KB",
        "govhub.inbound.max-upload-bytes=2MB",
        "govhub.inbound.max-multipart-bytes=3MB",
        "govhub.inbound.body-deadline=1s",
        "govhub.inbound.upload-deadline=2s",
        "govhub.inbound.in-flight=2500KB",
        "govhub.inbound.trusted-proxies=127.0.0.1",
        "govhub.dossiers.track-per-minute=3"})
@ActiveProfiles("demo")
class InboundLimitsTest {

    private static final String CITIZEN = "demo-citizen-token";

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        for (String simulator : new String[] {"portal", "tthc", "zalo", "cases", "agency"}) {
            int port = FreePorts.next();
            registry.add("govhub.sandbox." + simulator + "-port", () -> port);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InboundFilter inbound;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() {
        try (RawHttp raw = new RawHttp(port)) {
            RawHttp.Answer answer = raw.head("POST", "/api/v1/uploads?name=big.pdf", Map.of("X-Zalo-Access-Token", CITIZEN,
                    "Content-Type", "application/pdf", "Content-Length", String.valueOf(60L << 20))).answer();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.text()).contains("application/problem+json").contains("larger than");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_file", Integer.class)).isZero();
    }

    @Test
    void aBodyWithoutADeclaredLengthIsCutOffAtTheLimit() {
        try (RawHttp raw = new RawHttp(port)) {
            raw.head("POST", "/api/v1/uploads?name=big.pdf", Map.of("X-Zalo-Access-Token", CITIZEN,
                    "Content-Type", "application/pdf", "Transfer-Encoding", "chunked"));
            byte[] chunk = new byte[64 * 1024];
            try {
                raw.chunk("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 48; i++) { // 3 MB, past the 2 MB upload limit
                    raw.chunk(chunk);
                }
                raw.chunk(new byte[0]);
            } catch (java.io.UncheckedIOException refusedWhileSending) {
                // the hub stopped reading and closed: expected
            }
            RawHttp.Answer answer = raw.answer();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.text()).contains("application/problem+json");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_file", Integer.class)).isZero();
    }

    @Test
    void aDrippingBodyIsAbandonedAtItsDeadline() throws Exception {
        for (String target : new String[] {"/webhooks/cases/demo", "/api/v1/dossiers?province=demo"}) {
            try (RawHttp raw = new RawHttp(port)) {
                raw.head("POST", target, Map.of("X-Zalo-Access-Token", CITIZEN, "Content-Type", "application/json",
                        "Content-Length", "400"));
                raw.drip(("{\"code\":\"" + "x".repeat(380) + "\"}").getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(50));
                long started = System.nanoTime();
                RawHttp.Answer answer = raw.answer();
                assertThat(answer.status()).as(target).isEqualTo(408);
                assertThat(answer.text()).as(target).contains("application/problem+json");
                // the deadline is 1 s: far less than the 20 s the whole drip would take
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as(target).isLessThan(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void jsonFormAndWebhookBodiesOverTheLimitAre413() throws Exception {
        String big = "{\"procedureCode\":\"" + "x".repeat(70_000) + "\"}";
        assertThat(post("/api/v1/dossiers?province=demo", "application/json", big, true).statusCode()).isEqualTo(413);
        assertThat(post("/webhooks/zalo", "application/json", big, false).statusCode()).isEqualTo(413);
        assertThat(post("/webhooks/agencies/demo/dien-luc", "application/json", big, false).statusCode()).isEqualTo(413);
        HttpResponse<String> form = post("/open311/v2/requests.json", "application/x-www-form-urlencoded",
                "api_key=demo-open311-key&service_code=moi-truong&description=" + "a".repeat(70_000), false);
        assertThat(form.statusCode()).isEqualTo(413);
        assertThat(form.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Integer.class)).isZero();
    }

    @Test
    void malformedBodiesAre400() throws Exception {
        HttpResponse<String> multipart = post("/api/v1/dossiers?province=demo", "multipart/form-data; boundary=abc",
                "--abc\r\nContent-Disposition: form-data; name=\"dossier\"\r\n\r\n{\"x\":", true);
        assertThat(multipart.statusCode()).isEqualTo(400);
        HttpResponse<String> noBoundary = post("/api/v1/feedback?province=demo", "multipart/form-data", "garbage", true);
        assertThat(noBoundary.statusCode()).isEqualTo(400);
        HttpResponse<String> form = post("/open311/v2/requests.json", "application/x-www-form-urlencoded", "api_key=%zz&x=1", false);
        assertThat(form.statusCode()).isEqualTo(400);
        HttpResponse<String> json = post("/api/v1/feedback?province=demo", "application/json", "{\"category\":", true);
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Integer.class)).isZero();
    }

    @Test
    void whileTheNodeHoldsItsBudgetOfBodiesAnotherWaitsAs503() throws Exception {
        try (RawHttp holding = new RawHttp(port)) {
            holding.head("POST", "/api/v1/uploads?name=a.pdf", Map.of("X-Zalo-Access-Token", CITIZEN,
                    "Content-Type", "application/pdf", "Content-Length", String.valueOf(2_000_000)));
            byte[] part = new byte[1_900_000];
            part[0] = '%';
            holding.write(part);
            await().atMost(Duration.ofSeconds(5)).until(() -> inbound.inFlight() >= 1_900_000);
            HttpResponse<String> second = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/uploads?name=b.pdf"))
                    .header("X-Zalo-Access-Token", CITIZEN).header("Content-Type", "application/pdf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[700_000])).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> inbound.inFlight() == 0);
    }

    @Test
    void behindATrustedProxyTheForwardedClientIsCounted() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(track("203.0.113.7").statusCode()).isEqualTo(404);
        }
        assertThat(track("203.0.113.7").statusCode()).isEqualTo(429);
        // another client behind the same proxy has its own count; a spoofed hop left of the real client changes nothing
        assertThat(track("203.0.113.8").statusCode()).isEqualTo(404);
        assertThat(track("198.51.100.1, 203.0.113.7").statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> track(String forwardedFor) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/dossiers/track/H22.99-261204-9999"))
                .header("X-Forwarded-For", forwardedFor).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body, boolean citizen) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (citizen) {
            request.header("X-Zalo-Access-Token", CITIZEN);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
