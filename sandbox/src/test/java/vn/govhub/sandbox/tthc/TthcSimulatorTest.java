package vn.govhub.sandbox.tthc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govhub.sandbox.Fault;

class TthcSimulatorTest {

    static final TthcSimulator tthc = new TthcSimulator(0);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final List<String> ITEM_KEYS = List.of("ID", "MATTHC", "TENTTHC", "LOAITTHC", "TRANGTHAI",
            "MACOQUANCONGBO", "IDQUYETDINHCONGBO", "LINHVUCTHUCHIEN", "CAPTHUCHIEN", "COQUANTHUCHIEN",
            "DOITUONGTHUCHIEN", "TRINHTUTHUCHIEN", "CACHTHUCTHUCHIEN", "THANHPHANHOSO", "KETQUATHUCHIEN",
            "CANCUPHAPLY", "YEUCAU");

    @BeforeAll
    static void start() {
        tthc.start();
    }

    @AfterAll
    static void stop() {
        tthc.close();
    }

    @BeforeEach
    void clean() {
        tthc.reset();
    }

    // ---- helpers

    static HttpResponse<byte[]> post(String url, String dstcode, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (dstcode != null) {
            request.header("dstcode", dstcode);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static JsonNode login(String username, String password, String dstcode) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
        return json(post(tthc.authUrl(), dstcode, body));
    }

    static String session() throws Exception {
        JsonNode answer = login(TthcSimulator.DEFAULT_USERNAME, TthcSimulator.DEFAULT_PASSWORD,
                TthcSimulator.DEFAULT_UNIT_CODE);
        assertThat(answer.path("error_code").asInt()).isZero();
        return answer.path("session").asText();
    }

    static HttpResponse<byte[]> callRaw(String session, String service, String... params) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("session", session)
                .put("madonvi", TthcSimulator.DEFAULT_UNIT_CODE).put("service", service);
        for (int i = 0; i < params.length; i += 2) {
            body.put(params[i], params[i + 1]);
        }
        return post(tthc.integrationUrl(), TthcSimulator.DEFAULT_UNIT_CODE, body);
    }

    static JsonNode call(String session, String service, String... params) throws Exception {
        return json(callRaw(session, service, params));
    }

    // ---- login

    @Test
    void loginWithGoodCredentialsAndUnitCodeGivesASession() throws Exception {
        JsonNode answer = login("govhub", "govhub@2025", "000.00.00.H22");

        assertThat(answer.path("error_code").asInt()).isEqualTo(TthcSimulator.OK);
        assertThat(answer.path("session").asText()).hasSizeGreaterThan(20);
        assertThat(tthc.loginCount()).isEqualTo(1);
        assertThat(tthc.received(tthc.authPath())).singleElement()
                .satisfies(r -> assertThat(r.header("dstcode")).contains("000.00.00.H22"));
    }

    @Test
    void wrongPasswordIsError401InAnHttp200() throws Exception {
        HttpResponse<byte[]> response = post(tthc.authUrl(), TthcSimulator.DEFAULT_UNIT_CODE,
                JSON.createObjectNode().put("username", "govhub").put("password", "sai-mat-khau"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("error_code").asInt()).isEqualTo(TthcSimulator.UNAUTHORIZED);
        assertThat(json(response).path("message").asText()).isNotBlank();
        assertThat(json(response).has("session")).isFalse();
    }

    @Test
    void missingOrWrongDstcodeIsRefused() throws Exception {
        assertThat(login("govhub", "govhub@2025", null).path("error_code").asInt())
                .isEqualTo(TthcSimulator.UNAUTHORIZED);
        assertThat(login("govhub", "govhub@2025", "000.00.07.H22").path("error_code").asInt())
                .isEqualTo(TthcSimulator.UNAUTHORIZED);
        String session = session();
        HttpResponse<byte[]> call = post(tthc.integrationUrl(), null, JSON.createObjectNode()
                .put("session", session).put("service", TthcSimulator.AGENCIES_SERVICE));
        assertThat(json(call).path("error_code").asInt()).isEqualTo(TthcSimulator.UNAUTHORIZED);
    }

    @Test
    void http401ModeAnswersAuthFailuresWithStatus401() throws Exception {
        tthc.setHttp401OnAuthFailure(true);

        HttpResponse<byte[]> response = post(tthc.authUrl(), TthcSimulator.DEFAULT_UNIT_CODE,
                JSON.createObjectNode().put("username", "govhub").put("password", "x"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error_code").asInt()).isEqualTo(TthcSimulator.UNAUTHORIZED);
    }

    // ---- services

    @Test
    void listHasAtLeast2000UniqueNationalCodes() throws Exception {
        JsonNode answer = call(session(), "LayDanhSachTTHC");

        assertThat(answer.path("error_code").asInt()).isZero();
        JsonNode result = answer.path("result");
        assertThat(result.size()).isGreaterThanOrEqualTo(2_000);
        Set<String> codes = new HashSet<>();
        for (JsonNode item : result) {
            assertThat(item.path("MATTHC").asText()).matches("^\\d+\\.\\d{4,}$");
            assertThat(item.path("TENTTHC").asText()).isNotBlank();
            codes.add(item.path("MATTHC").asText());
        }
        assertThat(codes).hasSize(result.size());
        assertThat(tthc.procedureCodes()).hasSize(result.size());
        assertThat(tthc.callCount("LayDanhSachTTHC")).isEqualTo(1);
    }

    @Test
    void listPagesWhenAskedTo() throws Exception {
        String session = session();
        JsonNode page2 = call(session, "LayDanhSachTTHC", "page", "2", "pageSize", "100").path("result");

        assertThat(page2).hasSize(100);
        assertThat(page2.get(0).path("MATTHC").asText()).isEqualTo(tthc.procedureCodes().get(100));
    }

    @Test
    void detailHasEveryUpperCaseKey() throws Exception {
        String code = tthc.procedureCodes().get(0);
        JsonNode answer = call(session(), "LayThuTuc", "maTTHC", code);

        assertThat(answer.path("result")).hasSize(1);
        JsonNode item = answer.path("result").get(0);
        List<String> keys = new ArrayList<>();
        item.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsAll(ITEM_KEYS);
        assertThat(item.path("MATTHC").asText()).isEqualTo(code);
        assertThat(item.path("TRANGTHAI").asInt()).isEqualTo(1);
        assertThat(item.path("COQUANTHUCHIEN").get(0).path("MADONVI").asText()).matches("\\d{3}\\.\\d{2}\\.\\d{2}\\.H22");
        assertThat(item.path("CAPTHUCHIEN").get(0).path("CAPTHUCHIEN").asInt()).isIn(1, 3);
        JsonNode time = item.path("CACHTHUCTHUCHIEN").get(0).path("THOIGIAN").get(0);
        assertThat(time.path("DONVITINH").asText()).isEqualTo("Ngày làm việc");
        assertThat(item.path("TRINHTUTHUCHIEN").get(0).path("TRINHTU").size()).isGreaterThan(1);
        assertThat(item.path("THANHPHANHOSO").get(0).path("GIAYTO").get(0).has("SOBANCHINH")).isTrue();
        assertThat(item).isEqualTo(tthc.procedure(code).orElseThrow());
    }

    @Test
    void birthRegistrationIsFreeAndABuildingPermitCosts75000() {
        JsonNode birth = firstNamed("Đăng ký khai sinh");
        JsonNode permit = firstNamed("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ");

        assertThat(fees(birth)).allSatisfy(fee -> assertThat(fee.path("SOTIEN").asLong()).isZero());
        assertThat(fees(permit)).anySatisfy(fee -> assertThat(fee.path("SOTIEN").asLong()).isEqualTo(75_000));
    }

    @Test
    void feesAppearBothInsideTimeAndDirectlyUnderTheChannel() {
        int inside = 0;
        int underChannel = 0;
        int timeAsString = 0;
        for (String code : tthc.procedureCodes().subList(0, 200)) {
            for (JsonNode channel : tthc.procedure(code).orElseThrow().path("CACHTHUCTHUCHIEN")) {
                underChannel += channel.has("PHILEPHI") ? 1 : 0;
                inside += channel.path("THOIGIAN").get(0).has("PHILEPHI") ? 1 : 0;
                timeAsString += channel.path("THOIGIAN").get(0).path("THOIGIANGIAIQUYET").isTextual() ? 1 : 0;
            }
        }
        assertThat(inside).isPositive();
        assertThat(underChannel).isPositive();
        assertThat(timeAsString).isPositive();
    }

    @Test
    void formLinkKeyIsUrlOnSomeItemsAndUrlLowerOnOthers() {
        int upper = 0;
        int mixed = 0;
        for (String code : tthc.procedureCodes().subList(0, 40)) {
            for (JsonNode paper : tthc.procedure(code).orElseThrow().path("THANHPHANHOSO").get(0).path("GIAYTO")) {
                upper += paper.has("URL") ? 1 : 0;
                mixed += paper.has("Url") ? 1 : 0;
            }
        }
        assertThat(upper).isPositive();
        assertThat(mixed).isPositive();
    }

    @Test
    void formDownloadsArePdfOrDocxWithTheirTypes() throws Exception {
        boolean sawPdf = false;
        boolean sawDocx = false;
        for (String code : tthc.procedureCodes().subList(0, 6)) {
            JsonNode paper = tthc.procedure(code).orElseThrow().path("THANHPHANHOSO").get(0).path("GIAYTO").get(0);
            String url = paper.has("URL") ? paper.path("URL").asText() : paper.path("Url").asText();
            assertThat(url).startsWith(tthc.baseUrl() + "/download_file.jsp?ma=");
            HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment;");
            String type = file.headers().firstValue("Content-Type").orElseThrow();
            if (paper.path("TENMAUDON").asText().endsWith(".pdf")) {
                sawPdf = true;
                assertThat(type).isEqualTo("application/pdf");
                assertThat(new String(file.body(), 0, 8, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
            } else {
                sawDocx = true;
                assertThat(type).contains("wordprocessingml");
                assertThat(new String(file.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("PK\u0003\u0004");
            }
        }
        assertThat(sawPdf).isTrue();
        assertThat(sawDocx).isTrue();
        HttpResponse<byte[]> missing = http.send(HttpRequest.newBuilder(
                URI.create(tthc.baseUrl() + "/download_file.jsp?ma=zz")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void agencyAndSectorDirectories() throws Exception {
        String session = session();
        JsonNode agencies = call(session, "LayDanhMucCoQuan").path("result");
        JsonNode sectors = call(session, "LayDanhMucLinhVuc").path("result");

        assertThat(agencies.size()).isGreaterThan(10);
        assertThat(agencies.get(0).path("MADONVI").asText()).isEqualTo("000.00.00.H22");
        assertThat(agencies.get(0).path("TENDONVI").asText()).startsWith("Ủy ban nhân dân");
        assertThat(sectors.size()).isGreaterThan(10);
        assertThat(sectors.findValuesAsText("TENLINHVUC")).contains("Hộ tịch", "Xây dựng");
    }

    @Test
    void unknownServiceAndMissingCodeAreErrors() throws Exception {
        String session = session();
        assertThat(call(session, "LayGiDo").path("error_code").asInt()).isEqualTo(TthcSimulator.UNKNOWN_SERVICE);
        assertThat(call(session, "LayThuTuc").path("error_code").asInt()).isEqualTo(TthcSimulator.BAD_REQUEST);
        assertThat(call(session, "LayThuTuc", "maTTHC", "9.999999").path("result")).isEmpty();
    }

    // ---- failures

    @Test
    void expiredSessionAnswersSessionExpiredThenReloginWorks() throws Exception {
        String session = session();
        tthc.expireSessions();

        JsonNode expired = call(session, "LayDanhMucLinhVuc");
        assertThat(expired.path("error_code").asInt()).isEqualTo(TthcSimulator.SESSION_EXPIRED).isEqualTo(403);
        assertThat(expired.path("message").asText()).isEqualTo("Phiên làm việc đã hết hạn");

        assertThat(call(session(), "LayDanhMucLinhVuc").path("error_code").asInt()).isZero();
        assertThat(tthc.loginCount()).isEqualTo(2);
    }

    @Test
    void sessionExpiresAfterTheGivenNumberOfCalls() throws Exception {
        tthc.expireSessionAfterCalls(2);
        String session = session();

        assertThat(call(session, "LayDanhMucLinhVuc").path("error_code").asInt()).isZero();
        assertThat(call(session, "LayDanhMucLinhVuc").path("error_code").asInt()).isZero();
        assertThat(call(session, "LayDanhMucLinhVuc").path("error_code").asInt())
                .isEqualTo(TthcSimulator.SESSION_EXPIRED);
        assertThat(call(session(), "LayDanhMucLinhVuc").path("error_code").asInt()).isZero();
        assertThat(tthc.callCount("LayDanhMucLinhVuc")).isEqualTo(4);
    }

    @Test
    void truncatedDetailIsNotParseableJsonAndOnlyOnce() throws Exception {
        String session = session();
        String code = tthc.procedureCodes().get(3);
        tthc.truncateNextDetail();

        HttpResponse<byte[]> cut = callRaw(session, "LayThuTuc", "maTTHC", code);
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(cut.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(new String(cut.body(), StandardCharsets.UTF_8)).startsWith("{\"error_code\":0,\"result\":[{");

        assertThat(call(session, "LayThuTuc", "maTTHC", code).path("result")).hasSize(1);
    }

    @Test
    void injectedErrorCodeAnswersOnceForThatService() throws Exception {
        String session = session();
        tthc.errorCodeNext("LayDanhSachTTHC", 500, "Lỗi hệ thống, vui lòng thử lại sau");

        assertThat(call(session, "LayDanhMucCoQuan").path("error_code").asInt()).isZero();
        JsonNode failed = call(session, "LayDanhSachTTHC");
        assertThat(failed.path("error_code").asInt()).isEqualTo(500);
        assertThat(failed.path("message").asText()).isEqualTo("Lỗi hệ thống, vui lòng thử lại sau");
        assertThat(call(session, "LayDanhSachTTHC").path("error_code").asInt()).isZero();
    }

    @Test
    void frameworkFaultsApplyToTheIntegrationPath() throws Exception {
        tthc.failNext(tthc.integrationPath(), 1, Fault.status(503));
        String session = session();

        assertThat(callRaw(session, "LayDanhMucCoQuan").statusCode()).isEqualTo(503);
        assertThat(callRaw(session, "LayDanhMucCoQuan").statusCode()).isEqualTo(200);
    }

    // ---- revisions and determinism

    @Test
    void nextRevisionAmendsWithdrawsRemovesAndAdds() throws Exception {
        List<String> before = tthc.procedureCodes();
        TthcSimulator.Revision revision = tthc.nextRevision();

        assertThat(tthc.revision()).isEqualTo(1);
        assertThat(revision.amended()).isNotEmpty();
        assertThat(revision.withdrawn()).isNotEmpty();
        assertThat(revision.removed()).isNotEmpty();
        assertThat(revision.added()).isNotEmpty();
        List<String> after = tthc.procedureCodes();
        assertThat(after).doesNotContainAnyElementsOf(revision.removed()).containsAll(revision.added());
        assertThat(before).containsAll(revision.removed()).doesNotContainAnyElementsOf(revision.added());
        for (String code : revision.withdrawn()) {
            assertThat(tthc.procedure(code).orElseThrow().path("TRANGTHAI").asInt()).isZero();
        }
        for (String code : revision.removed()) {
            assertThat(tthc.procedure(code)).isEmpty();
        }
        TthcSimulator fresh = new TthcSimulator(0);
        fresh.start();
        try {
            for (String code : revision.amended()) {
                JsonNode was = fresh.procedure(code).orElseThrow();
                JsonNode now = tthc.procedure(code).orElseThrow();
                assertThat(now.path("IDQUYETDINHCONGBO")).isNotEqualTo(was.path("IDQUYETDINHCONGBO"));
                assertThat(now.path("TENTTHC").equals(was.path("TENTTHC"))
                        && now.path("THANHPHANHOSO").equals(withBase(was, fresh).path("THANHPHANHOSO"))
                        && now.path("CACHTHUCTHUCHIEN").equals(withBase(was, fresh).path("CACHTHUCTHUCHIEN")))
                        .as("amended %s changes name, fee or documents", code).isFalse();
            }
        } finally {
            fresh.close();
        }
        tthc.reset();
        assertThat(tthc.revision()).isZero();
        assertThat(tthc.procedureCodes()).isEqualTo(before);
    }

    @Test
    void twoSimulatorsServeTheSameCatalogueAndRevisions() throws Exception {
        try (TthcSimulator other = new TthcSimulator(0)) {
            other.start();
            assertThat(other.procedureCodes()).isEqualTo(tthc.procedureCodes());
            String code = tthc.procedureCodes().get(1234);
            assertThat(withBase(other.procedure(code).orElseThrow(), other))
                    .isEqualTo(tthc.procedure(code).orElseThrow());
            assertThat(other.nextRevision()).isEqualTo(tthc.nextRevision());
            assertThat(other.procedureCodes()).isEqualTo(tthc.procedureCodes());
        }
    }

    @Test
    void benchmarkSizedCatalogueHas6500UniqueCodes() {
        TthcSimulator big = new TthcSimulator(0, 6_500);
        assertThat(big.procedureCodes()).hasSize(6_500).doesNotHaveDuplicates()
                .startsWith(tthc.procedureCodes().subList(0, 10).toArray(String[]::new));
        assertThat(new ProcedureCatalogue(6_500).listed()).extracting(p -> p.name()).doesNotHaveDuplicates();
    }

    // ---- helpers over the catalogue

    /** The item with the other simulator's address replaced by ours, so form links compare equal. */
    static JsonNode withBase(JsonNode item, TthcSimulator from) throws JsonProcessingException {
        return JSON.readTree(item.toString().replace(from.baseUrl(), tthc.baseUrl()));
    }

    static JsonNode firstNamed(String name) {
        for (String code : tthc.procedureCodes()) {
            JsonNode item = tthc.procedure(code).orElseThrow();
            if (item.path("TENTTHC").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no procedure named " + name);
    }

    static List<JsonNode> fees(JsonNode item) {
        List<JsonNode> fees = new ArrayList<>();
        for (JsonNode channel : item.path("CACHTHUCTHUCHIEN")) {
            channel.path("PHILEPHI").forEach(fees::add);
            channel.path("THOIGIAN").forEach(time -> time.path("PHILEPHI").forEach(fees::add));
        }
        return fees;
    }
}
