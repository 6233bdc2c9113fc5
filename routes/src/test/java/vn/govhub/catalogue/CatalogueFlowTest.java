package vn.govhub.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.govhub.sandbox.Fault;
import vn.govhub.sandbox.tthc.TthcSimulator;
import vn.govhub.testing.Upstreams;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The catalogue flow against the national-database simulator: sync, history, withdrawal, failures, search API, forms. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.config-dir=src/test/resources/catalogue-config",
        "govhub.admin.token=test-operator-token"})
class CatalogueFlowTest {

    @RegisterExtension
    static final Upstreams UPSTREAMS = Upstreams.start(new TthcSimulator(0, 1000));
    private static final TthcSimulator TTHC = UPSTREAMS.get(TthcSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVINCE = "cat-test";

    @DynamicPropertySource
    static void tthc(DynamicPropertyRegistry registry) {
        UPSTREAMS.register(registry);
    }

    @Autowired
    CatalogueSync sync;
    @Autowired
    CatalogueSearch search;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void emptyCatalogue() {
        TTHC.reset();
        jdbc.update("DELETE FROM procedure_history");
        jdbc.update("DELETE FROM procedure");
        jdbc.update("DELETE FROM catalogue_run");
        search.rebuild(PROVINCE);
    }

    @Test
    void firstSyncStoresEveryProcedureAndMakesItSearchable() throws Exception {
        CatalogueSync.Outcome outcome = sync.run(PROVINCE, "test");
        int listed = TTHC.procedureCodes().size();
        assertThat(outcome.status()).isEqualTo("SUCCEEDED");
        assertThat(outcome.listed()).isEqualTo(listed);
        assertThat(outcome.added()).isEqualTo(activeOrListed());
        assertThat(count("SELECT COUNT(*) FROM procedure")).isEqualTo(outcome.added());
        assertThat(count("SELECT COUNT(*) FROM procedure WHERE raw_json LIKE '%MATTHC%'")).isEqualTo(outcome.added());
        assertThat(search.size(PROVINCE)).isEqualTo(outcome.added());

        JsonNode result = json("/api/v1/procedures?province=" + PROVINCE + "&q=" + enc("dang ky khai sinh"));
        assertThat(result.path("hits").get(0).path("name").asText()).containsIgnoringCase("khai sinh");
        JsonNode hit = result.path("hits").get(0);
        assertThat(hit.has("processingTime") && hit.has("fee") && hit.has("onlineLevel") && hit.has("sectorName")).isTrue();

        String code = hit.path("code").asText();
        JsonNode procedure = json("/api/v1/procedures/" + code + "?province=" + PROVINCE);
        assertThat(procedure.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(procedure.path("procedure").path("documents")).isNotEmpty();
        assertThat(json("/api/v1/sectors?province=" + PROVINCE)).isNotEmpty();
    }

    @Test
    void aSecondRunRecordsChangesAsHistoryAndWithdrawsWhatIsGone() throws Exception {
        sync.run(PROVINCE, "test");
        // every code answered before the revision, so a cached answer would still list what gets withdrawn
        java.util.Map<String, JsonNode> before = new java.util.HashMap<>();
        for (String code : jdbc.queryForList("SELECT code FROM procedure", String.class)) {
            before.put(code, json("/api/v1/procedures?province=" + PROVINCE + "&q=" + enc(code)));
        }
        TTHC.nextRevision();
        CatalogueSync.Outcome second = sync.run(PROVINCE, "test");
        assertThat(second.status()).isEqualTo("SUCCEEDED");
        assertThat(second.changed()).isPositive();
        assertThat(second.withdrawn()).isPositive();
        assertThat(second.added()).isPositive();
        assertThat(count("SELECT COUNT(DISTINCT code) FROM procedure_history")).isEqualTo(second.changed() + second.withdrawn());
        assertThat(count("SELECT COUNT(*) FROM procedure_history WHERE old_value IS NULL AND new_value IS NULL")).isZero();

        String withdrawn = jdbc.queryForObject("SELECT MIN(code) FROM procedure WHERE status = 'WITHDRAWN'", String.class);
        JsonNode stillReadable = json("/api/v1/procedures/" + withdrawn + "?province=" + PROVINCE);
        assertThat(stillReadable.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(stillReadable.path("acceptsDossiers").asBoolean()).isFalse();
        assertThat(before.get(withdrawn).path("hits").findValuesAsText("code")).contains(withdrawn);
        JsonNode searched = json("/api/v1/procedures?province=" + PROVINCE + "&q=" + enc(withdrawn));
        assertThat(searched.path("hits").findValuesAsText("code")).as("the new index answers, not a cached answer")
                .doesNotContain(withdrawn);

        CatalogueSync.Outcome third = sync.run(PROVINCE, "test");
        assertThat(third.added() + third.changed() + third.withdrawn()).as("an unchanged upstream changes nothing").isZero();
    }

    @Test
    void aRunThatFailsMidwayChangesNothing() throws Exception {
        sync.run(PROVINCE, "test");
        String before = fingerprint();
        TTHC.nextRevision();
        TTHC.truncateNextDetail();
        CatalogueSync.Outcome failed = sync.run(PROVINCE, "test");
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.error()).containsIgnoringCase("JSON");
        assertThat(fingerprint()).isEqualTo(before);

        TTHC.failAlways(Fault.status(503));
        CatalogueSync.Outcome down = sync.run(PROVINCE, "test");
        assertThat(down.status()).isEqualTo("FAILED");
        assertThat(down.error()).contains("503");
        assertThat(fingerprint()).isEqualTo(before);
        TTHC.clearFaults();

        JsonNode runs = adminGet("/admin/catalogue/runs?province=" + PROVINCE);
        assertThat(runs.findValuesAsText("status")).containsSubsequence("FAILED", "FAILED", "SUCCEEDED");
        assertThat(json("/api/v1/procedures?province=" + PROVINCE + "&q=" + enc("khai sinh")).path("hits")).isNotEmpty();
    }

    @Test
    void anExpiredSessionIsAcquiredAgainOnce() {
        sync.run(PROVINCE, "test");
        int logins = TTHC.loginCount();
        TTHC.expireSessions();
        assertThat(sync.run(PROVINCE, "test").status()).isEqualTo("SUCCEEDED");
        assertThat(TTHC.loginCount()).isEqualTo(logins + 1);
    }

    @Test
    void formTemplatesAreFetchedOnceAndServedFromTheCache() throws Exception {
        sync.run(PROVINCE, "test");
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT code, data FROM procedure WHERE data LIKE '%download_file%' ORDER BY code");
        JsonNode procedure = JSON.readTree((String) rows.get(0).get("data"));
        String formId = null;
        for (JsonNode documentCase : procedure.path("documents")) {
            for (JsonNode document : documentCase.path("documents")) {
                if (formId == null && document.hasNonNull("formUrl") && document.hasNonNull("code")) {
                    formId = document.path("code").asText();
                }
            }
        }
        String path = "/api/v1/procedures/" + rows.get(0).get("code") + "/forms/" + formId + "?province=" + PROVINCE;
        HttpResponse<byte[]> first = http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.statusCode()).as(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).matches("application/(pdf|vnd.openxmlformats.*)");
        assertThat(first.headers().firstValue("Content-Disposition")).isPresent();
        int fetches = TTHC.received("/download_file.jsp").size();
        HttpResponse<byte[]> second = http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(TTHC.received("/download_file.jsp")).hasSize(fetches);
        assertThat(http.send(request("/api/v1/procedures/" + rows.get(0).get("code") + "/forms/NOPE?province=" + PROVINCE).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void aFormLinkPointingInsideTheHubsNetworkOrAtAStrangerIsNotFollowed() throws Exception {
        sync.run(PROVINCE, "test");
        Map<String, Object> row = jdbc.queryForList("SELECT code, data FROM procedure WHERE data LIKE '%download_file%' ORDER BY code").get(0);
        String data = (String) row.get("data");
        String link = data.replaceAll("(?s).*\"formUrl\":\"([^\"]*download_file[^\"]*)\".*", "$1");
        String formId = JSON.readTree(data).findParents("formUrl").stream().filter(n -> n.path("formUrl").asText().equals(link))
                .findFirst().orElseThrow().path("code").asText();
        int fetches = TTHC.received("/download_file.jsp").size();
        int cached = count("SELECT COUNT(*) FROM form_file");
        for (String target : List.of("http://169.254.169.254/latest/meta-data/iam", "http://10.0.0.7/forms/a.pdf",
                "http://intranet.example.vn/forms/a.pdf")) {
            jdbc.update("UPDATE procedure SET data = ? WHERE code = ?", data.replace(link, target), row.get("code"));
            HttpResponse<String> answer = http.send(request("/api/v1/procedures/" + row.get("code") + "/forms/" + formId
                    + "?province=" + PROVINCE).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(target).isEqualTo(502);
        }
        assertThat(TTHC.received("/download_file.jsp")).hasSize(fetches);
        assertThat(count("SELECT COUNT(*) FROM form_file")).isEqualTo(cached);
    }

    @Test
    void badSearchInputIsAProblemNamingTheField() throws Exception {
        sync.run(PROVINCE, "test");
        assertProblem("/api/v1/procedures?province=" + PROVINCE + "&q=", "q");
        assertProblem("/api/v1/procedures?province=" + PROVINCE + "&q=" + "a".repeat(500), "q");
        assertProblem("/api/v1/procedures?province=" + PROVINCE + "&sector=NO-SUCH-SECTOR", "sector");
        assertProblem("/api/v1/procedures?province=" + PROVINCE + "&limit=0", "limit");
        assertProblem("/api/v1/procedures?province=" + PROVINCE + "&limit=51", "limit");
        assertProblem("/api/v1/procedures?province=" + PROVINCE + "&level=huyen-xa", "level");
        assertProblem("/api/v1/procedures?province=nowhere", "province");
        assertThat(get("/api/v1/procedures/9.999999?province=" + PROVINCE).statusCode()).isEqualTo(404);
    }

    @Test
    void operatorsTriggerASyncWithTheirTokenOnly() throws Exception {
        HttpResponse<String> anonymous = http.send(request("/admin/catalogue/sync?province=" + PROVINCE)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> accepted = http.send(request("/admin/catalogue/sync?province=" + PROVINCE)
                .header("Authorization", "Bearer test-operator-token")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT COUNT(*) FROM catalogue_run WHERE status = 'SUCCEEDED' AND trigger_by = 'admin'") == 1
                        && !sync.isRunning(PROVINCE));
    }

    private int activeOrListed() {
        return TTHC.procedureCodes().size();
    }

    private String fingerprint() {
        return jdbc.queryForList("SELECT code, status, content_hash FROM procedure ORDER BY code").toString();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private void assertProblem(String path, String field) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("field")).as(path).contains(field);
    }

    private JsonNode adminGet(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).header("Authorization", "Bearer test-operator-token").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
