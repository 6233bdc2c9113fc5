package vn.govhub.reload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.govhub.sandbox.agency.AgencySimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.testing.Upstreams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Province files reloaded while the hub runs: new routing rules apply to the next report (earlier ones keep their
 * agency), news pollers follow added and removed sources, a file that fails validation is refused in one line and
 * the running configuration stays, and a node picks up changed files on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.admin.token=test-operator-token",
        "govhub.files.link-secret=test-file-link-secret",
        "govhub.schedule.config-check.every=0"})
class ConfigReloadTest {

    @RegisterExtension
    static final Upstreams UPSTREAMS = Upstreams.start(new ZaloSimulator(0), new AgencySimulator(0));
    private static final ZaloSimulator ZALO = UPSTREAMS.get(ZaloSimulator.class);
    private static final AgencySimulator AGENCY = UPSTREAMS.get(AgencySimulator.class);
    private static final Path DIR = copyOfFeedbackConfig();
    private static final Path PROVINCE = DIR.resolve("provinces/feedback-test.yml");
    private static final String ORIGINAL = read(PROVINCE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void simulators(DynamicPropertyRegistry registry) {
        registry.add("govhub.config-dir", DIR::toString);
        vn.govhub.feedback.FeedbackTestSupport.register(registry, UPSTREAMS);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamelContext camel;
    @Autowired
    ConfigReloader reloader;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReloadAppliesToWhatComesNextAndABadFileKeepsTheRunningConfiguration() throws Exception {
        String token = ZALO.userToken("citizen-reload", "Phạm Văn D");
        String before = report(token);
        assertThat(agencyOf(before)).isEqualTo("ubnd-p1");

        String hash = JSON.readTree(admin("GET", "/admin/config").body()).path("hash").asText();
        Files.writeString(PROVINCE, ORIGINAL.replace("areas: [\"25456\"], agency: \"ubnd-p1\"", "areas: [\"25456\"], agency: \"ubnd-p2\"")
                + NEWS);
        assertThat(JSON.readTree(admin("GET", "/admin/config").body()).path("changedOnDisk").asBoolean()).isTrue();
        HttpResponse<String> reloaded = admin("POST", "/admin/config/reload");
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
        assertThat(JSON.readTree(reloaded.body()).path("hash").asText()).isNotEqualTo(hash);
        String after = report(token);
        assertThat(agencyOf(after)).as("the new rule").isEqualTo("ubnd-p2");
        assertThat(agencyOf(before)).as("routed before the reload").isEqualTo("ubnd-p1");
        assertThat(camel.getRoute("news-poll-feedback-test-portal")).as("a source added by the reload polls").isNotNull();

        Files.writeString(PROVINCE, ORIGINAL.replace("default-agency: \"so-gtvt\"", "default-agency: \"so-gtvt-cu\""));
        HttpResponse<String> refused = admin("POST", "/admin/config/reload");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).path("detail").asText())
                .contains("feedback-test.yml").contains("key 'feedback.agencyKnown'").contains("running configuration stays");
        assertThat(agencyOf(report(token))).as("still the running rules").isEqualTo("ubnd-p2");

        Files.writeString(PROVINCE, ORIGINAL); // the source removed again; the node notices on its own
        reloader.reloadIfChanged();
        assertThat(camel.getRoute("news-poll-feedback-test-portal")).isNull();
        assertThat(agencyOf(report(token))).isEqualTo("ubnd-p1");
    }

    private static final String NEWS = """
            news:
              sources:
                - id: portal
                  kind: rss
                  url: "http://127.0.0.1:9/rss.xml"
                  every: 1h
                  category: chinh-quyen
            """;

    private String report(String token) throws Exception {
        String body = "{\"category\":\"moi-truong\",\"title\":\"Rác\",\"description\":\"Rác ven đường\","
                + "\"location\":{\"lat\":11.31,\"long\":106.10}}";
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/feedback?province=feedback-test"))
                .header("X-Zalo-Access-Token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(sent.body());
        return accepted.path("id").asText();
    }

    private String agencyOf(String id) {
        return jdbc.queryForObject("SELECT agency FROM feedback WHERE id = ?", String.class, id);
    }

    private HttpResponse<String> admin(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer test-operator-token")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Path copyOfFeedbackConfig() {
        try {
            Path dir = Files.createTempDirectory("govhub-reload");
            Path source = Path.of("src/test/resources/feedback-config");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = dir.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
