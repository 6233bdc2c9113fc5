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
import vn.govhub.sandbox.tthc.TthcSimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.testing.Upstreams;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.govhub.dossier.DossierTestSupport.MARRIAGE;
import static vn.govhub.dossier.DossierTestSupport.MARRIAGE_DOCS;

/**
 * Intake: what the mini app submits is checked against the catalogue and the province's rules; every refusal is a
 * problem+json naming the field and stores nothing; an accepted dossier is committed with its files and its forward.
 * The case-handling system is unreachable here (forwarding is DossierFlowTest's matter).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.config-dir=src/test/resources/dossier-config",
        "govhub.schedule.dossier-forward.every=1h",
        "test.cases=http://127.0.0.1:9", "test.cases-unit=000.00.00.H56", "test.cases-user=u", "test.cases-password=p"})
class DossierIntakeTest {

    @RegisterExtension
    static final Upstreams UPSTREAMS = Upstreams.start(new ZaloSimulator(0), new TthcSimulator(0, 40));
    private static final ZaloSimulator ZALO = UPSTREAMS.get(ZaloSimulator.class);
    private static final TthcSimulator TTHC = UPSTREAMS.get(TthcSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "079203001234";
    private static final String PHONE = "0912345678";

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
        if (jdbc.queryForObject("SELECT COUNT(*) FROM procedure", Integer.class) == 0) {
            assertThat(sync.run("dossier-test", "test").status()).isEqualTo("SUCCEEDED");
        }
        for (String table : new String[] {"dossier_history", "dossier_supplement", "dossier_file", "dossier", "dossier_counter", "outbox"}) {
            jdbc.update("DELETE FROM " + table);
        }
        token = ZALO.userToken("citizen-1", "Nguyễn Văn An");
    }

    @Test
    void dossierWithUploadsIsAcceptedWithATrackingCodeAndCommittedWithItsForward() throws Exception {
        String first = uploadId(DossierTestSupport.pdf(200_000), "application/pdf", "giay-to-1.pdf");
        String second = uploadId(DossierTestSupport.jpeg(150_000), "image/jpeg", "anh.jpg");
        HttpResponse<String> response = submit(DossierTestSupport.submission(MARRIAGE,
                List.of(Map.entry(MARRIAGE_DOCS.get(0), first), Map.entry(MARRIAGE_DOCS.get(1), second)), ID, PHONE, "DESK", null), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.body());
        assertThat(accepted.path("trackingCode").asText()).matches("H56\\.14-\\d{6}-0001");
        assertThat(accepted.path("status").asText()).isEqualTo("SUBMITTED");
        String id = accepted.path("id").asText();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_file WHERE dossier_id = ?", Integer.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE topic = 'dossier-forward' AND aggregate_id = ?", Integer.class, id)).isEqualTo(1);
        String applicant = jdbc.queryForObject("SELECT applicant FROM dossier WHERE id = ?", String.class, id);
        assertThat(applicant).startsWith("v1:").doesNotContain(ID).doesNotContain("Nguyễn").doesNotContain("912345678");
        assertThat(jdbc.queryForObject("SELECT applicant_masked FROM dossier WHERE id = ?", String.class, id))
                .isEqualTo("N*** V*** A***, 84912***678");

        HttpResponse<String> got = get("/api/v1/dossiers/" + id, token);
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        JsonNode detail = JSON.readTree(got.body());
        assertThat(detail.path("procedureCode").asText()).isEqualTo(MARRIAGE);
        assertThat(detail.path("documents")).hasSize(2);
        assertThat(detail.path("history").get(0).path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(detail.toString()).doesNotContain(ID);
        JsonNode mine = JSON.readTree(get("/api/v1/dossiers", token).body());
        assertThat(mine).hasSize(1);
        JsonNode tracked = JSON.readTree(get("/api/v1/dossiers/track/" + accepted.path("trackingCode").asText(), null).body());
        assertThat(tracked.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(tracked.toString()).doesNotContain("An").doesNotContain(id);

        HttpResponse<String> secondDossier = submit(DossierTestSupport.submission(MARRIAGE,
                List.of(Map.entry(MARRIAGE_DOCS.get(0), uploadId(DossierTestSupport.png(), "image/png", "a.png")),
                        Map.entry(MARRIAGE_DOCS.get(1), uploadId(DossierTestSupport.pdf(1000), "application/pdf", "b.pdf"))), ID, PHONE, "DESK", null), null);
        assertThat(JSON.readTree(secondDossier.body()).path("trackingCode").asText()).endsWith("-0002");
    }

    @Test
    void multipartSubmissionCarriesItsFilesInline() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(MARRIAGE_DOCS.get(0), DossierTestSupport.pdf(50_000));
        files.put(MARRIAGE_DOCS.get(1), DossierTestSupport.pdf(60_000));
        DossierTestSupport.Multipart multipart = DossierTestSupport.Multipart.of("dossier",
                DossierTestSupport.submission(MARRIAGE, List.of(), ID, "+84 912 345 678", "POSTAL", "12 Lê Lợi, phường 1, Tây Ninh"),
                files, "application/pdf");
        HttpResponse<String> response = DossierTestSupport.send(http, port, "POST", "/api/v1/dossiers",
                Map.of("X-Zalo-Access-Token", token, "Content-Type", multipart.contentType()), multipart.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = JSON.readTree(response.body()).path("id").asText();
        assertThat(jdbc.queryForList("SELECT requirement_code FROM dossier_file WHERE dossier_id = ? ORDER BY requirement_code",
                String.class, id)).containsExactlyElementsOf(MARRIAGE_DOCS);
        assertThat(jdbc.queryForObject("SELECT postal_address FROM dossier WHERE id = ?", String.class, id)).startsWith("v1:");
    }

    @Test
    void everyInvalidSubmissionNamesItsFieldAndStoresNothing() throws Exception {
        Map<String, Function<List<String>, String>> cases = new LinkedHashMap<>();
        cases.put("procedureCode", u -> DossierTestSupport.submission("9.999999", docs(u), ID, PHONE, "DESK", null));
        cases.put("procedureCode", u -> DossierTestSupport.submission("2.016838", docs(u), ID, PHONE, "DESK", null)); // information only
        cases.put("documents." + MARRIAGE_DOCS.get(1), u -> DossierTestSupport.submission(MARRIAGE, docs(u).subList(0, 1), ID, PHONE, "DESK", null));
        cases.put("applicant.idNumber", u -> DossierTestSupport.submission(MARRIAGE, docs(u), "07920300123", PHONE, "DESK", null));
        cases.put("applicant.phone", u -> DossierTestSupport.submission(MARRIAGE, docs(u), ID, "0212345678", "DESK", null));
        cases.put("postalAddress", u -> DossierTestSupport.submission(MARRIAGE, docs(u), ID, PHONE, "POSTAL", null));
        cases.put("returnMethod", u -> DossierTestSupport.submission(MARRIAGE, docs(u), ID, PHONE, "DRONE", null));
        cases.put("documents", u -> DossierTestSupport.submission(MARRIAGE, List.of(Map.entry(MARRIAGE_DOCS.get(0), u.get(0)),
                Map.entry(MARRIAGE_DOCS.get(1), u.get(1)), Map.entry("1.000000-GT99", u.get(2))), ID, PHONE, "DESK", null));
        cases.put("documents[1].uploadId", u -> DossierTestSupport.submission(MARRIAGE, List.of(Map.entry(MARRIAGE_DOCS.get(0), u.get(0)),
                Map.entry(MARRIAGE_DOCS.get(1), "00000000-0000-0000-0000-000000000000")), ID, PHONE, "DESK", null));
        List<String> uploads = List.of(uploadId(DossierTestSupport.pdf(1000), "application/pdf", "a.pdf"),
                uploadId(DossierTestSupport.pdf(1000), "application/pdf", "b.pdf"), uploadId(DossierTestSupport.docx(),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "c.docx"));
        // the list's keys repeat (two procedure cases), so iterate over pairs
        List<Map.Entry<String, String>> bodies = new ArrayList<>();
        bodies.add(Map.entry("procedureCode", cases.get("procedureCode").apply(uploads)));
        bodies.add(Map.entry("procedureCode", DossierTestSupport.submission("9.999999", docs(uploads), ID, PHONE, "DESK", null)));
        cases.forEach((field, body) -> bodies.add(Map.entry(field, body.apply(uploads))));
        bodies.add(Map.entry("applicant", "{\"procedureCode\":\"" + MARRIAGE + "\"}"));
        for (Map.Entry<String, String> c : bodies) {
            HttpResponse<String> response = submit(c.getValue(), null);
            assertThat(response.statusCode()).as(c.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("field")).as(response.body()).contains(c.getKey());
            assertNothingStored();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_file WHERE dossier_id IS NULL", Integer.class)).isEqualTo(3);
        }
        HttpResponse<String> malformed = submit("{\"procedureCode\": ", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertNothingStored();
    }

    @Test
    void uploadsAreCheckedByTheirContentAndSize() throws Exception {
        HttpResponse<String> liar = upload("<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8), "application/pdf", "x.pdf");
        assertThat(liar.statusCode()).isEqualTo(400);
        assertThat(liar.body()).contains("is not a PDF, JPEG, PNG or DOCX");
        // a HEIC cannot be decoded and written anew here, so it is refused rather than passed on unchecked
        HttpResponse<String> heic = upload(DossierTestSupport.heic(), "image/heic", "b.heic");
        assertThat(heic.statusCode()).isEqualTo(400);
        assertThat(heic.body()).contains("send it as JPEG or PNG");
        // a picture is written anew: what was appended after its end does not survive
        byte[] png = DossierTestSupport.png();
        byte[] appended = "PK\u0003\u0004 appended payload".getBytes(StandardCharsets.ISO_8859_1);
        byte[] trailing = java.util.Arrays.copyOf(png, png.length + appended.length);
        System.arraycopy(appended, 0, trailing, png.length, appended.length);
        String kept = uploadId(trailing, "image/png", "anh.png");
        byte[] stored = jdbc.queryForObject("SELECT content FROM dossier_file WHERE id = ?", byte[].class, kept);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("appended payload");
        assertThat(vn.govhub.testing.TestImages.decode(stored).getWidth()).isEqualTo(40);
        jdbc.update("DELETE FROM dossier_file");
        HttpResponse<String> mismatch = upload(DossierTestSupport.jpeg(100), "application/pdf", "x.pdf");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("its content is image/jpeg");
        HttpResponse<String> plainZip = upload(DossierTestSupport.zip("a.txt"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "x.docx");
        assertThat(plainZip.statusCode()).isEqualTo(400);
        HttpResponse<String> large = upload(DossierTestSupport.pdf(300_001), "application/pdf", "big.pdf");
        assertThat(large.statusCode()).as("refused by its declared length").isEqualTo(413);
        assertThat(large.body()).contains("300000");
        HttpResponse<String> empty = upload(new byte[0], "application/pdf", "empty.pdf");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_file", Integer.class)).isZero();

        // three files of 250 KB each are fine one by one but exceed the 700 KB a dossier may carry
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            big.add(uploadId(DossierTestSupport.pdf(250_000), "application/pdf", "p" + i + ".pdf"));
        }
        HttpResponse<String> tooMuch = submit(DossierTestSupport.submission(MARRIAGE, List.of(Map.entry(MARRIAGE_DOCS.get(0), big.get(0)),
                Map.entry(MARRIAGE_DOCS.get(1), big.get(1)), Map.entry(MARRIAGE_DOCS.get(1), big.get(2))), ID, PHONE, "DESK", null), null);
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("700000");
        assertNothingStored();
    }

    @Test
    void idempotencyKeyReturnsTheSameDossierAndRefusesAnotherBody() throws Exception {
        List<String> uploads = List.of(uploadId(DossierTestSupport.pdf(1000), "application/pdf", "a.pdf"),
                uploadId(DossierTestSupport.pdf(1000), "application/pdf", "b.pdf"));
        String body = DossierTestSupport.submission(MARRIAGE, docs(uploads), ID, PHONE, "DESK", null);
        HttpResponse<String> first = submit(body, "mini-app-7f3a9c21");
        HttpResponse<String> again = submit(body, "mini-app-7f3a9c21");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("id").asText()).isEqualTo(JSON.readTree(first.body()).path("id").asText());
        assertThat(JSON.readTree(again.body()).path("duplicate").asBoolean()).isTrue();
        HttpResponse<String> other = submit(body.replace("Nguyễn Văn An", "Trần Thị Bình"), "mini-app-7f3a9c21");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox", Integer.class)).isEqualTo(1);
    }

    @Test
    void aCitizenNeverReadsAnothersDossier() throws Exception {
        List<String> uploads = List.of(uploadId(DossierTestSupport.pdf(1000), "application/pdf", "a.pdf"),
                uploadId(DossierTestSupport.pdf(1000), "application/pdf", "b.pdf"));
        String id = JSON.readTree(submit(DossierTestSupport.submission(MARRIAGE, docs(uploads), ID, PHONE, "DESK", null), null).body())
                .path("id").asText();
        String stranger = ZALO.userToken("citizen-2", "Lê Văn C");
        assertThat(get("/api/v1/dossiers/" + id, stranger).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/dossiers/" + id + "-nope", stranger).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("/api/v1/dossiers", stranger).body())).isEmpty();
        HttpResponse<String> supplement = DossierTestSupport.send(http, port, "POST", "/api/v1/dossiers/" + id + "/supplements",
                Map.of("X-Zalo-Access-Token", stranger, "Content-Type", "application/json"), "{\"note\":\"x\"}".getBytes());
        assertThat(supplement.statusCode()).isEqualTo(404);
        // nor uses another's upload
        String theirs = uploadId(DossierTestSupport.pdf(1000), "application/pdf", "mine.pdf");
        HttpResponse<String> stolen = DossierTestSupport.send(http, port, "POST", "/api/v1/dossiers",
                Map.of("X-Zalo-Access-Token", stranger, "Content-Type", "application/json"),
                DossierTestSupport.submission(MARRIAGE, List.of(Map.entry(MARRIAGE_DOCS.get(0), theirs),
                        Map.entry(MARRIAGE_DOCS.get(1), theirs)), ID, PHONE, "DESK", null).getBytes(StandardCharsets.UTF_8));
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/dossiers", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/dossiers/track/H56.14-000000-9999", null).statusCode()).isEqualTo(404);
    }

    private void assertNothingStored() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_history", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_file WHERE dossier_id IS NOT NULL", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_counter", Integer.class)).isZero();
    }

    private static List<Map.Entry<String, String>> docs(List<String> uploads) {
        return List.of(Map.entry(MARRIAGE_DOCS.get(0), uploads.get(0)), Map.entry(MARRIAGE_DOCS.get(1), uploads.get(1)));
    }

    private String uploadId(byte[] content, String type, String name) throws Exception {
        HttpResponse<String> response = upload(content, type, name);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asText();
    }

    private HttpResponse<String> upload(byte[] content, String type, String name) throws Exception {
        return DossierTestSupport.send(http, port, "POST", "/api/v1/uploads?name=" + name,
                Map.of("X-Zalo-Access-Token", token, "Content-Type", type), content);
    }

    private HttpResponse<String> submit(String json, String idempotencyKey) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("X-Zalo-Access-Token", token, "Content-Type", "application/json"));
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return DossierTestSupport.send(http, port, "POST", "/api/v1/dossiers", headers, json.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String userToken) throws Exception {
        return DossierTestSupport.send(http, port, "GET", path, userToken == null ? Map.of() : Map.of("X-Zalo-Access-Token", userToken), null);
    }
}
