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
import vn.govhub.sandbox.Fault;
import vn.govhub.sandbox.Received;
import vn.govhub.sandbox.cases.NationalCaseSimulator;
import vn.govhub.sandbox.tthc.TthcSimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.testing.Upstreams;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.govhub.dossier.DossierTestSupport.MARRIAGE;
import static vn.govhub.dossier.DossierTestSupport.MARRIAGE_DOCS;

/**
 * Forwarding and status, end to end against the case-system simulator (national envelope shape): exactly once,
 * signed callbacks, polling, supplements, withdrawal, a backend that is down and comes back, dead letters and
 * their replay, and a resend after a crash between the backend's answer and the hub's commit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.config-dir=src/test/resources/dossier-config",
        "govhub.admin.token=test-operator-token",
        "govhub.schedule.dossier-forward.every=50ms",
        "govhub.dossiers.lease=2s"})
class DossierFlowTest {

    @RegisterExtension
    static final Upstreams UPSTREAMS = Upstreams.start(new ZaloSimulator(0), new TthcSimulator(0, 40), new NationalCaseSimulator(0));
    private static final ZaloSimulator ZALO = UPSTREAMS.get(ZaloSimulator.class);
    private static final TthcSimulator TTHC = UPSTREAMS.get(TthcSimulator.class);
    private static final NationalCaseSimulator CASES = UPSTREAMS.get(NationalCaseSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "test-callback-secret";
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
    @Autowired
    DossierForwarder forwarder;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void clean() {
        forwarder.afterForward(null);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM procedure", Integer.class) == 0) {
            assertThat(sync.run("dossier-test", "test").status()).isEqualTo("SUCCEEDED");
        }
        for (String table : new String[] {"dossier_history", "dossier_supplement", "dossier_file", "dossier", "dossier_counter", "outbox"}) {
            jdbc.update("DELETE FROM " + table);
        }
        if (!CASES.isRunning()) {
            CASES.start();
        }
        CASES.reset();
        CASES.callbacksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/cases/dossier-test"), SECRET);
        token = ZALO.userToken("citizen-1", "Nguyễn Văn An");
    }

    @Test
    void aDossierIsForwardedOnceAndFollowedThroughSignedCallbacks() throws Exception {
        JsonNode accepted = submit();
        String id = accepted.path("id").asText();
        String code = accepted.path("trackingCode").asText();
        await().atMost(WAIT).until(() -> "FORWARDED".equals(status(id)));
        vn.govhub.sandbox.cases.CaseSimulator.Held held = CASES.dossier(code);
        assertThat(held.pushes()).isEqualTo(1);
        JsonNode wire = held.dossier();
        assertThat(wire.path("MaTTHC").asText()).isEqualTo(MARRIAGE);
        assertThat(wire.path("IdempotencyKey").asText()).isEqualTo(id);
        assertThat(wire.path("ChuHoSo").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(wire.path("SoGiayToChuHoSo").asText()).isEqualTo("079203001234");
        assertThat(wire.path("KenhThucHien").asInt()).isEqualTo(2);
        assertThat(wire.path("HinhThuc").asInt()).isZero();
        assertThat(wire.path("NgayTiepNhan").asText()).matches("\\d{14}");
        assertThat(wire.path("TaiLieuNop")).hasSize(2);
        assertThat(wire.path("TaiLieuNop").findValuesAsText("MaThanhPhanHoSo")).containsExactlyInAnyOrderElementsOf(MARRIAGE_DOCS);
        List<Received> pushes = CASES.received("/api/integration");
        assertThat(pushes).allSatisfy(r -> assertThat(r.headers().entrySet()).anySatisfy(h -> {
            assertThat(h.getKey()).isEqualToIgnoringCase("dstcode");
            assertThat(h.getValue()).containsExactly(CASES.unitCode());
        }));

        // the backend downloads the attachments by their signed links; a tampered link is refused
        String link = wire.path("TaiLieuNop").get(0).path("DuongDanTaiTepTin").asText();
        assertThat(link).startsWith("http://localhost:8080/files/dossiers/"); // govhub.public-base-url
        link = "http://127.0.0.1:" + port + link.substring(link.indexOf("/files/"));
        HttpResponse<byte[]> file = http.send(java.net.http.HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> forged = http.send(java.net.http.HttpRequest.newBuilder(URI.create(link.replaceAll("sig=.", "sig=0"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(forged.statusCode()).isEqualTo(403);

        CASES.advance(); // 1 → 2 received
        await().atMost(WAIT).until(() -> "RECEIVED".equals(status(id)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE topic = 'notification-event' AND payload LIKE '%dossier-received%'",
                Integer.class)).isEqualTo(1);
        CASES.advance(); // 2 → 4
        await().atMost(WAIT).until(() -> "IN_PROGRESS".equals(status(id)));
        CASES.advance(); // 4 → 9
        await().atMost(WAIT).until(() -> "RESULT_READY".equals(status(id)));
        JsonNode detail = JSON.readTree(get("/api/v1/dossiers/" + id).body());
        assertThat(detail.path("results").get(0).path("name").asText()).isEqualTo("Giấy chứng nhận kết hôn");
        assertThat(detail.path("appointmentAt").asText()).isNotEmpty();
        assertThat(detail.path("history").findValuesAsText("status"))
                .containsExactly("SUBMITTED", "FORWARDED", "RECEIVED", "IN_PROGRESS", "RESULT_READY");
        assertThat(CASES.duplicatesRefused()).isZero();
        // the OA's auto-reply knows the code too
        assertThat(JSON.readTree(get("/api/v1/dossiers/track/" + code).body()).path("status").asText()).isEqualTo("RESULT_READY");
    }

    @Test
    void callbacksMustBeSignedFreshAndRight() throws Exception {
        JsonNode accepted = submit();
        String id = accepted.path("id").asText();
        String code = accepted.path("trackingCode").asText();
        await().atMost(WAIT).until(() -> "FORWARDED".equals(status(id)));
        byte[] body = ("{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":[{\"MaHoSo\":\"" + code + "\",\"TrangThai\":\"4\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis() / 1000;
        assertThat(callback(body, null, null).statusCode()).isEqualTo(401);
        assertThat(callback(body, Long.toString(now), "sha256=" + hmac("wrong-secret", now, body)).statusCode()).isEqualTo(401);
        assertThat(callback(body, Long.toString(now - 3600), "sha256=" + hmac(SECRET, now - 3600, body)).statusCode()).isEqualTo(401);
        byte[] altered = new String(body, StandardCharsets.UTF_8).replace("\"4\"", "\"9\"").getBytes(StandardCharsets.UTF_8);
        assertThat(callback(altered, Long.toString(now), "sha256=" + hmac(SECRET, now, body)).statusCode()).isEqualTo(401);
        assertThat(status(id)).isEqualTo("FORWARDED");

        HttpResponse<String> good = callback(body, Long.toString(now), "sha256=" + hmac(SECRET, now, body));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        int history = history(id);
        assertThat(callback(body, Long.toString(now), "sha256=" + hmac(SECRET, now, body)).statusCode()).isEqualTo(200);
        assertThat(history(id)).as("a redelivered callback changes nothing").isEqualTo(history);

        // and the simulator's own signing (independent of the hub's code) passes, its corrupted one does not
        CASES.corruptNextCallback("sha256=00");
        CASES.setStatus(code, "9", null);
        await().atMost(WAIT).until(() -> CASES.callbacksSent() >= 1);
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        CASES.setStatus(code, "9", null);
        await().atMost(WAIT).until(() -> "RESULT_READY".equals(status(id)));
    }

    @Test
    void aSupplementRequestedByTheBackendGoesBackThroughTheOutbox() throws Exception {
        JsonNode accepted = submit();
        String id = accepted.path("id").asText();
        String code = accepted.path("trackingCode").asText();
        await().atMost(WAIT).until(() -> "FORWARDED".equals(status(id)));
        CASES.setStatus(code, "5", "Bổ sung bản sao sổ hộ khẩu");
        await().atMost(WAIT).until(() -> "NEEDS_SUPPLEMENT".equals(status(id)));
        JsonNode detail = JSON.readTree(get("/api/v1/dossiers/" + id).body());
        assertThat(detail.path("supplementRequest").asText()).isEqualTo("Bổ sung bản sao sổ hộ khẩu");

        String upload = upload(DossierTestSupport.pdf(5000));
        HttpResponse<String> sent = post("/api/v1/dossiers/" + id + "/supplements",
                "{\"note\":\"Đã bổ sung\",\"documents\":[{\"requirementCode\":\"BS-1\",\"uploadId\":\"" + upload + "\"}]}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> CASES.dossier(code).supplements() == 1);
        await().atMost(WAIT).until(() -> "IN_PROGRESS".equals(status(id)));
        assertThat(jdbc.queryForObject("SELECT status FROM dossier_supplement WHERE dossier_id = ?", String.class, id)).isEqualTo("SENT");
        JsonNode supplement = CASES.dossier(code).dossier().path("DanhSachHoSoBoSung").get(0);
        assertThat(supplement.path("TaiLieuBoSung").get(0).path("MaThanhPhanHoSo").asText()).isEqualTo("BS-1");
        // no supplement is taken when none is asked for
        assertThat(post("/api/v1/dossiers/" + id + "/supplements", "{\"note\":\"thêm\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void aBackendDownForAWhileLosesNothingAndReceivesInOrder() throws Exception {
        CASES.stop();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(submit().path("id").asText());
        }
        // the breaker opens; nothing is dead-lettered while the backend is away
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE last_error IS NOT NULL", Integer.class) > 0);
        await().atMost(WAIT).until(() -> admin("GET", "/actuator/health").path("components").path("caseSystems").path("status").asText().equals("DEGRADED"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE status = 'FORWARD_FAILED'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE status = 'SUBMITTED'", Integer.class)).isEqualTo(6);

        CASES.start();
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE status = 'FORWARDED'", Integer.class) == 6);
        assertThat(CASES.count()).isEqualTo(6);
        assertThat(CASES.dossiers()).allSatisfy(h -> assertThat(h.pushes()).isEqualTo(1));
        List<String> pushedCodes = CASES.received("/api/integration").stream().map(r -> read(r.body()))
                .filter(n -> n.path("service").asText().equals("DongBoHoSoMC")).map(n -> n.path("data").get(0).path("MaHoSo").asText()).toList();
        List<String> codes = jdbc.queryForList("SELECT tracking_code FROM dossier ORDER BY tracking_code", String.class);
        assertThat(pushedCodes).containsExactlyElementsOf(codes);
    }

    @Test
    void aRefusedForwardIsDeadLetteredAndAnAdminReplaysIt() throws Exception {
        CASES.failAlways("/api/integration", Fault.status(400, "Bad Request"));
        String id = submit().path("id").asText();
        await().atMost(WAIT).until(() -> "FORWARD_FAILED".equals(status(id)));
        JsonNode failed = admin("GET", "/admin/dossiers?status=FORWARD_FAILED");
        assertThat(failed.findValuesAsText("id")).containsExactly(id);
        assertThat(failed.get(0).path("applicant").asText()).isEqualTo("N*** V*** A***, 84912***678");
        assertThat(failed.toString()).doesNotContain("079203001234");

        CASES.clearFaults();
        assertThat(admin("POST", "/admin/dossiers/" + id + "/replay").path("status").asText()).isEqualTo("SUBMITTED");
        await().atMost(WAIT).until(() -> "FORWARDED".equals(status(id)));
        assertThat(CASES.count()).isEqualTo(1);
        assertThat(admin("POST", "/admin/dossiers/replay").path("replayed").asInt()).isZero();
    }

    @Test
    void aCrashBetweenTheBackendsAnswerAndTheCommitResendsAsAnUpdate() throws Exception {
        forwarder.afterForward(dossierId -> {
            forwarder.afterForward(null);
            throw new IllegalStateException("simulated crash before the commit");
        });
        JsonNode accepted = submit();
        String id = accepted.path("id").asText();
        await().atMost(WAIT).until(() -> "FORWARDED".equals(status(id)));
        vn.govhub.sandbox.cases.CaseSimulator.Held held = CASES.dossier(accepted.path("trackingCode").asText());
        assertThat(held.pushes()).as("sent again after the crash, as an update").isEqualTo(2);
        assertThat(CASES.count()).isEqualTo(1);
        assertThat(CASES.duplicatesRefused()).isZero();
    }

    @Test
    void pollingPicksUpStatusesOfBackendsThatDoNotCallBack() throws Exception {
        CASES.callbacksTo(null, null);
        JsonNode accepted = submit();
        String id = accepted.path("id").asText();
        await().atMost(WAIT).until(() -> "FORWARDED".equals(status(id)));
        CASES.setStatus(accepted.path("trackingCode").asText(), "2", null);
        assertThat(admin("POST", "/admin/dossiers/poll?province=dossier-test").path("changed").asInt()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("RECEIVED");
    }

    @Test
    void aCitizenWithdrawsWhereTheBackendAllowsIt() throws Exception {
        JsonNode accepted = submit();
        String id = accepted.path("id").asText();
        await().atMost(WAIT).until(() -> "FORWARDED".equals(status(id)));
        HttpResponse<String> asked = post("/api/v1/dossiers/" + id + "/withdrawal", "{\"reason\":\"Nộp nhầm thủ tục\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> "WITHDRAWN".equals(status(id)));
        assertThat(CASES.dossier(accepted.path("trackingCode").asText()).status()).isEqualTo("7");
        assertThat(post("/api/v1/dossiers/" + id + "/withdrawal", "{}").statusCode()).isEqualTo(409);
    }

    // --- helpers

    private JsonNode submit() throws Exception {
        HttpResponse<String> response = DossierTestSupport.submitMarriage(http, port, token, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private String upload(byte[] content) throws Exception {
        return DossierTestSupport.upload(http, port, token, "", content);
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM dossier WHERE id = ?", String.class, id);
    }

    private int history(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dossier_history WHERE dossier_id = ?", Integer.class, id);
    }

    private HttpResponse<String> callback(byte[] body, String timestamp, String signature) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        if (timestamp != null) {
            headers.put("X-Govhub-Timestamp", timestamp);
        }
        if (signature != null) {
            headers.put("X-Govhub-Signature", signature);
        }
        return DossierTestSupport.send(http, port, "POST", "/webhooks/cases/dossier-test", headers, body);
    }

    /** Computed here with javax.crypto, independently of the hub's CallbackSignature. */
    private static String hmac(String secret, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return DossierTestSupport.send(http, port, "GET", path, Map.of("X-Zalo-Access-Token", token), null);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return DossierTestSupport.send(http, port, "POST", path,
                Map.of("X-Zalo-Access-Token", token, "Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode json(String path) throws Exception {
        return JSON.readTree(DossierTestSupport.send(http, port, "GET", path, Map.of(), null).body());
    }

    private JsonNode admin(String method, String path) throws Exception {
        HttpResponse<String> response = DossierTestSupport.send(http, port, method, path,
                Map.of("Authorization", "Bearer test-operator-token"), method.equals("POST") ? new byte[0] : null);
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }
}
