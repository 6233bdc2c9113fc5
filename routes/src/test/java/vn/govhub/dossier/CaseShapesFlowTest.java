package vn.govhub.dossier;

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
import vn.govhub.catalogue.CatalogueSync;
import vn.govhub.sandbox.cases.CaseSimulator.Stage;
import vn.govhub.sandbox.cases.CaseSimulator;
import vn.govhub.sandbox.cases.IGateCaseSimulator;
import vn.govhub.sandbox.cases.LgspCaseSimulator;
import vn.govhub.sandbox.tthc.TthcSimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.testing.Upstreams;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.govhub.dossier.DossierTestSupport.MARRIAGE;
import static vn.govhub.dossier.DossierTestSupport.MARRIAGE_DOCS;

/**
 * The two other case-system shapes end to end, each in its own province: iGate (OAuth2 REST, signed callbacks) and
 * LGSP (document sync, no callbacks: the hub polls). Each takes dossiers exactly once, follows them through a
 * supplement round to the result by its own status codes mapped in the province file, and loses nothing while down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.config-dir=src/test/resources/cases-config",
        "govhub.admin.token=test-operator-token",
        "govhub.schedule.dossier-forward.every=50ms",
        "govhub.dossiers.lease=2s"})
class CaseShapesFlowTest {

    @RegisterExtension
    static final Upstreams UPSTREAMS = Upstreams.start(new ZaloSimulator(0), new TthcSimulator(0, 40), new IGateCaseSimulator(0), new LgspCaseSimulator(0));
    private static final ZaloSimulator ZALO = UPSTREAMS.get(ZaloSimulator.class);
    private static final TthcSimulator TTHC = UPSTREAMS.get(TthcSimulator.class);
    private static final IGateCaseSimulator IGATE = UPSTREAMS.get(IGateCaseSimulator.class);
    private static final LgspCaseSimulator LGSP = UPSTREAMS.get(LgspCaseSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void simulators(DynamicPropertyRegistry registry) {
        DossierTestSupport.register(registry, UPSTREAMS);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CatalogueSync sync;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void clean() {
        for (String province : new String[] {"igate-test", "lgsp-test"}) {
            if (jdbc.queryForObject("SELECT COUNT(*) FROM procedure WHERE province = ?", Integer.class, province) == 0) {
                assertThat(sync.run(province, "test").status()).isEqualTo("SUCCEEDED");
            }
        }
        for (String table : new String[] {"dossier_history", "dossier_supplement", "dossier_file", "dossier", "dossier_counter", "outbox"}) {
            jdbc.update("DELETE FROM " + table);
        }
        for (CaseSimulator simulator : new CaseSimulator[] {IGATE, LGSP}) {
            if (!simulator.isRunning()) {
                simulator.start();
            }
            simulator.reset();
        }
        IGATE.callbacksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/cases/igate-test"), "igate-callback-secret");
        token = ZALO.userToken("citizen-1", "Nguyễn Văn An");
    }

    @Test
    void iGateTakesADossierOnceAndCallsItBackThroughASupplementToTheResult() throws Exception {
        followThroughASupplementToTheResult("igate-test", IGATE);
        assertThat(IGATE.tokensIssued()).as("one token serves every call").isEqualTo(1);
        JsonNode wire = IGATE.dossiers().get(0).dossier();
        assertThat(wire.path("procedure").path("code").asText()).isEqualTo(MARRIAGE);
        assertThat(wire.path("attachment").findValuesAsText("group")).containsExactlyInAnyOrderElementsOf(MARRIAGE_DOCS);
        assertThat(wire.path("supplement")).hasSize(1);
    }

    @Test
    void lgspTakesADossierOnceAndThePollerFollowsItThroughASupplementToTheResult() throws Exception {
        followThroughASupplementToTheResult("lgsp-test", LGSP);
        JsonNode wire = LGSP.dossiers().get(0).dossier();
        assertThat(wire.path("DocTypeCode").asText()).isEqualTo(MARRIAGE);
        assertThat(wire.path("HasSupplementary").asBoolean()).isTrue();
        assertThat(wire.path("Supplementaries").get(0).path("Attachments")).hasSize(1);
        assertThat(LGSP.callbacksSent()).isZero();
    }

    private void followThroughASupplementToTheResult(String province, CaseSimulator backend) throws Exception {
        JsonNode accepted = submit(province);
        String id = accepted.path("id").asText();
        String code = accepted.path("trackingCode").asText();
        await().atMost(WAIT).until(() -> "FORWARDED".equals(status(id)));
        backend.advance(); // received
        await().atMost(WAIT).until(() -> "RECEIVED".equals(status(id)));
        backend.advance(); // in processing
        await().atMost(WAIT).until(() -> "IN_PROGRESS".equals(status(id)));
        backend.setStatus(code, backend.code(Stage.SUPPLEMENT), "Bổ sung bản sao sổ hộ khẩu");
        await().atMost(WAIT).until(() -> "NEEDS_SUPPLEMENT".equals(status(id)));
        JsonNode detail = JSON.readTree(get(province, "/api/v1/dossiers/" + id).body());
        assertThat(detail.path("supplementRequest").asText()).isEqualTo("Bổ sung bản sao sổ hộ khẩu");

        String upload = upload(province, DossierTestSupport.pdf(5000));
        HttpResponse<String> sent = post(province, "/api/v1/dossiers/" + id + "/supplements",
                "{\"note\":\"Đã bổ sung\",\"documents\":[{\"requirementCode\":\"BS-1\",\"uploadId\":\"" + upload + "\"}]}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> backend.dossier(code).supplements() == 1);
        await().atMost(WAIT).until(() -> "IN_PROGRESS".equals(status(id)));
        backend.advance(); // result ready
        await().atMost(WAIT).until(() -> "RESULT_READY".equals(status(id)));
        backend.advance(); // returned
        await().atMost(WAIT).until(() -> "RETURNED".equals(status(id)));

        detail = JSON.readTree(get(province, "/api/v1/dossiers/" + id).body());
        assertThat(detail.path("history").findValuesAsText("status")).containsSubsequence("SUBMITTED", "FORWARDED", "RECEIVED",
                "IN_PROGRESS", "NEEDS_SUPPLEMENT", "IN_PROGRESS", "RESULT_READY", "RETURNED");
        assertThat(detail.path("results").get(0).path("name").asText()).contains("Giấy chứng nhận kết hôn");
        assertThat(backend.count()).isEqualTo(1);
        assertThat(backend.duplicatesRefused()).isZero();
        List<String> events = jdbc.queryForList("SELECT payload FROM outbox WHERE topic = 'notification-event' AND payload LIKE ?",
                String.class, "%dossier:" + id + ":%");
        assertThat(events).as("one notification event per change the citizen hears of").hasSizeGreaterThanOrEqualTo(6)
                .anySatisfy(e -> assertThat(e).contains("đã trả kết quả"));
    }

    @Test
    void backendsDownForAWhileLoseNothingAndReceiveEachDossierOnce() throws Exception {
        IGATE.stop();
        LGSP.stop();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(submit("igate-test").path("id").asText());
            ids.add(submit("lgsp-test").path("id").asText());
        }
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(DISTINCT province) FROM dossier WHERE last_error IS NOT NULL", Integer.class) == 2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE status = 'FORWARD_FAILED'", Integer.class)).isZero();

        IGATE.start();
        LGSP.start();
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE status = 'FORWARDED'", Integer.class) == 8);
        for (CaseSimulator backend : new CaseSimulator[] {IGATE, LGSP}) {
            assertThat(backend.count()).isEqualTo(4);
            assertThat(backend.dossiers()).allSatisfy(h -> assertThat(h.pushes()).isEqualTo(1));
            assertThat(backend.duplicatesRefused()).isZero();
        }
    }

    @Test
    void withdrawalGoesToIGateAndIsNotOfferedWhereLgspHasNone() throws Exception {
        JsonNode igate = submit("igate-test");
        JsonNode lgsp = submit("lgsp-test");
        await().atMost(WAIT).until(() -> "FORWARDED".equals(status(igate.path("id").asText())) && "FORWARDED".equals(status(lgsp.path("id").asText())));
        HttpResponse<String> asked = post("igate-test", "/api/v1/dossiers/" + igate.path("id").asText() + "/withdrawal", "{\"reason\":\"Nộp nhầm\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> "WITHDRAWN".equals(status(igate.path("id").asText())));
        assertThat(IGATE.dossier(igate.path("trackingCode").asText()).status()).isEqualTo(IGATE.code(Stage.WITHDRAWN));

        HttpResponse<String> refused = post("lgsp-test", "/api/v1/dossiers/" + lgsp.path("id").asText() + "/withdrawal", "{\"reason\":\"x\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(status(lgsp.path("id").asText())).isEqualTo("FORWARDED");
    }

    // --- helpers

    private JsonNode submit(String province) throws Exception {
        HttpResponse<String> response = DossierTestSupport.submitMarriage(http, port, token, "?province=" + province);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private String upload(String province, byte[] content) throws Exception {
        return DossierTestSupport.upload(http, port, token, "?province=" + province, content);
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM dossier WHERE id = ?", String.class, id);
    }

    private HttpResponse<String> get(String province, String path) throws Exception {
        return DossierTestSupport.send(http, port, "GET", path + "?province=" + province, Map.of("X-Zalo-Access-Token", token), null);
    }

    private HttpResponse<String> post(String province, String path, String json) throws Exception {
        return DossierTestSupport.send(http, port, "POST", path + "?province=" + province,
                Map.of("X-Zalo-Access-Token", token, "Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }
}
