package vn.govhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.govhub.testing.FreePorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The conventions every API follows: request ids, problem+json, OpenAPI, CORS, health, metrics, info. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class ApiConventionsTest {

    private static final int PORTAL_PORT = FreePorts.next();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("govhub.sandbox.portal-port", () -> PORTAL_PORT);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestIdIsGeneratedWhenAbsentAndEchoed() throws Exception {
        HttpResponse<String> response = get("/api/v1/provinces", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    @Test
    void givenRequestIdIsEchoedAndLogged(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/api/v1/provinces/nowhere", "mini-app-42");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("mini-app-42");
        // the access line is written when the asynchronous dispatch ends, just after the response
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("GET /api/v1/provinces/nowhere -> 404"));
        assertThat(output.getOut().lines().filter(l -> l.contains("/api/v1/provinces/nowhere")))
                .isNotEmpty().allMatch(l -> l.contains("[mini-app-42]"));
    }

    @Test
    void insaneRequestIdIsReplaced() throws Exception {
        HttpResponse<String> response = get("/api/v1/provinces", "bad id with spaces and {braces}");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    @Test
    void listsEnabledProvincesOnly() throws Exception {
        JsonNode body = JSON.readTree(get("/api/v1/provinces", null).body());
        assertThat(body.findValuesAsText("id")).containsExactly("demo");
    }

    @Test
    void unknownProvinceIsProblemJsonWithoutEchoedRequestHeaders() throws Exception {
        HttpResponse<String> response = get("/api/v1/provinces/atlantis", "req-404");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("title").asText()).isEqualTo("Not Found");
        assertThat(problem.path("detail").asText()).contains("atlantis");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/provinces/atlantis");
        assertThat(problem.path("requestId").asText()).isEqualTo("req-404");
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("user-agent") || h.equalsIgnoreCase("id"));
    }

    @Test
    void aPathNoRuleNamesIsRefusedAsProblemJson() throws Exception {
        // deny by default: inside the mini app's area a stranger is asked who they are ...
        HttpResponse<String> api = get("/api/v1/no-such-thing", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        // ... and outside every audience's area the path does not exist
        HttpResponse<String> elsewhere = get("/no-such-area/anything", null);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void openApiDocumentIsValidOpenApi3() throws Exception {
        HttpResponse<String> response = get("/api/v1/openapi.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v1/provinces", "/api/v1/provinces/{id}",
                "/api/v1/dossiers", "/api/v1/feedback", "/admin/config", "/webhooks/zalo");
    }

    @Test
    void corsAllowsTheProvinceMiniAppOriginOnly() throws Exception {
        HttpResponse<String> allowed = preflight("https://h5.zdn.vn");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://h5.zdn.vn");
        HttpResponse<String> refused = preflight("https://evil.example.com");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void livenessAndReadinessAreUp() throws Exception {
        for (String group : new String[]{"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(group, null);
            assertThat(response.statusCode()).as(group).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("UP");
        }
        // a probe sees the status only; an operator sees what it is made of
        assertThat(JSON.readTree(get("/actuator/health/readiness", null).body()).has("components")).isFalse();
        JsonNode readiness = JSON.readTree(operator("/actuator/health/readiness").body()).path("components");
        assertThat(readiness.has("db") && readiness.has("hazelcast") && readiness.has("camelHealth")).isTrue();
    }

    @Test
    void prometheusShowsCamelAndJvmMetrics() throws Exception {
        get("/api/v1/provinces", null);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        String metrics = operator("/actuator/prometheus").body();
        assertThat(metrics).contains("camel_exchanges_total").contains("jvm_memory_used_bytes");
    }

    @Test
    void infoShowsConfigurationVersionAndHash() throws Exception {
        JsonNode config = JSON.readTree(get("/actuator/info", null).body()).path("config");
        assertThat(config.path("version").asText()).isNotBlank();
        assertThat(config.path("hash").asText()).hasSize(64);
    }

    private HttpResponse<String> operator(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer demo-operator-token").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> preflight(String origin) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/provinces"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
