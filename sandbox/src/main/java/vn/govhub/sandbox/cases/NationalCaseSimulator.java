package vn.govhub.sandbox.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A province's case-handling (một cửa) system of the national-portal shape (vn-egov.md §3a): the session login of
 * §1 ({@code dstcode} header), then one envelope endpoint taking a {@code service}:
 * <pre>
 * POST /api/auth          {"username","password"} + dstcode → {"session","error_code":0}
 * POST /api/integration   {"session","madonvi","service":"DongBoHoSoMC","isUpdating":"False"|"True","data":[{MaHoSo,...}]}
 *                         {"session","madonvi","service":"TraCuuHoSo","mahoso":"..."} → {"error_code":0,"result":[{...}]}
 * </pre>
 * It holds each dossier once, keyed by {@code MaHoSo}: a push of a code it holds with {@code isUpdating: "False"}
 * is answered {@value #DUPLICATE} and recorded as a refused duplicate, never stored twice; {@code TrangThaiHoSo} 7 in
 * an update withdraws. Statuses are the national codes (vn-egov.md §2): 1 → 2 → 4 → (5, back to 4 when a supplement
 * arrives) → 9 → 10, exits 3, 7, 8. Callbacks are {@code CapNhatTienDoHoSoMC} envelopes.
 */
public class NationalCaseSimulator extends CaseSimulator {

    public static final String DEFAULT_AUTH_PATH = "/api/auth";
    public static final String DEFAULT_INTEGRATION_PATH = "/api/integration";
    public static final String DEFAULT_USERNAME = "govhub-mc";
    public static final String DEFAULT_PASSWORD = "mot-cua@2025";
    public static final String DEFAULT_UNIT_CODE = "000.00.00.H56";
    public static final int OK = 0;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int SESSION_EXPIRED = 403;
    /** A push of a dossier code that exists, without {@code isUpdating: "True"}. */
    public static final int DUPLICATE = 409;
    /** An update of a dossier code it does not hold. */
    public static final int NOT_FOUND = 404;

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Stage, String> CODES = new EnumMap<>(Map.of(Stage.NEW, "1", Stage.RECEIVED, "2", Stage.REFUSED, "3",
            Stage.IN_PROGRESS, "4", Stage.SUPPLEMENT, "5", Stage.WITHDRAWN, "7", Stage.STOPPED, "8", Stage.RESULT, "9",
            Stage.RETURNED, "10"));

    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger logins = new AtomicInteger();

    public NationalCaseSimulator(int port) {
        this(port, Clock.systemUTC());
    }

    public NationalCaseSimulator(int port, Clock clock) {
        super("cases-national", port, clock);
    }

    @Override
    public String code(Stage stage) {
        return CODES.get(stage);
    }

    public String username() {
        return DEFAULT_USERNAME;
    }

    public String password() {
        return DEFAULT_PASSWORD;
    }

    public String unitCode() {
        return DEFAULT_UNIT_CODE;
    }

    public int logins() {
        return logins.get();
    }

    public void expireSessions() {
        sessions.clear();
    }

    @Override
    protected void resetState() {
        super.resetState();
        sessions.clear();
        logins.set(0);
    }

    @Override
    protected void registerStubs() {
        stub(post(urlPathEqualTo(DEFAULT_AUTH_PATH)), this::login);
        stub(post(urlPathEqualTo(DEFAULT_INTEGRATION_PATH)), this::integration);
        stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404).withBody("Not Found")));
    }

    private ResponseDefinition login(Request request) {
        logins.incrementAndGet();
        JsonNode body = parse(request);
        if (body == null) {
            return error(BAD_REQUEST, "Dữ liệu yêu cầu không hợp lệ");
        }
        if (!DEFAULT_UNIT_CODE.equals(request.getHeader("dstcode")) || !DEFAULT_USERNAME.equals(body.path("username").asText())
                || !DEFAULT_PASSWORD.equals(body.path("password").asText())) {
            return error(UNAUTHORIZED, "Tên đăng nhập, mật khẩu hoặc mã đơn vị không đúng");
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String session = HexFormat.of().formatHex(bytes);
        sessions.add(session);
        return ok(JSON.createObjectNode().put("session", session).put("error_code", OK));
    }

    private ResponseDefinition integration(Request request) {
        JsonNode body = parse(request);
        if (body == null) {
            return error(BAD_REQUEST, "Dữ liệu yêu cầu không hợp lệ");
        }
        if (!DEFAULT_UNIT_CODE.equals(request.getHeader("dstcode"))) {
            return error(UNAUTHORIZED, "Mã đơn vị (dstcode) không hợp lệ");
        }
        if (!sessions.contains(body.path("session").asText(""))) {
            return error(SESSION_EXPIRED, "Phiên làm việc đã hết hạn");
        }
        return switch (body.path("service").asText("")) {
            case "DongBoHoSoMC" -> push(body, request.getHeader("Idempotency-Key"));
            case "TraCuuHoSo" -> lookUp(body.path("mahoso").asText(""));
            default -> error(BAD_REQUEST, "Dịch vụ không được hỗ trợ");
        };
    }

    private ResponseDefinition push(JsonNode body, String idempotencyKey) {
        JsonNode data = body.path("data");
        if (!data.isArray() || data.isEmpty()) {
            return error(BAD_REQUEST, "Thiếu dữ liệu hồ sơ (data)");
        }
        boolean updating = "True".equalsIgnoreCase(body.path("isUpdating").asText("False"));
        ArrayNode result = JSON.createArrayNode();
        for (JsonNode dossier : data) {
            String code = dossier.path("MaHoSo").asText("");
            if (code.isBlank() || (!updating && (dossier.path("MaTTHC").asText("").isBlank()
                    || dossier.path("ChuHoSo").asText("").isBlank()))) {
                return error(BAD_REQUEST, "Thiếu MaHoSo, MaTTHC hoặc ChuHoSo");
            }
            boolean full = dossier.has("MaTTHC"); // a status-only update keeps the rest
            Stored stored = store(code, dossier.path("IdempotencyKey").asText(idempotencyKey), full ? dossier : null,
                    full ? dossier.path("DanhSachHoSoBoSung").size() : 0, updating ? Mode.UPDATE : Mode.CREATE,
                    updating && "7".equals(dossier.path("TrangThaiHoSo").asText("")));
            switch (stored.outcome()) {
                case DUPLICATE -> {
                    return error(DUPLICATE, "Hồ sơ " + code + " đã tồn tại");
                }
                case NOT_FOUND -> {
                    return error(NOT_FOUND, "Không tìm thấy hồ sơ " + code);
                }
                default -> result.add(JSON.createObjectNode().put("MaHoSo", code).put("TrangThaiHoSo", stored.held().status()));
            }
        }
        return ok(JSON.createObjectNode().put("error_code", OK).set("result", result));
    }

    private ResponseDefinition lookUp(String code) {
        ArrayNode result = JSON.createArrayNode();
        Held h = dossier(code);
        if (h != null) {
            result.add(view(h));
        }
        return ok(JSON.createObjectNode().put("error_code", OK).set("result", result));
    }

    private ObjectNode view(Held h) {
        ObjectNode node = JSON.createObjectNode();
        node.put("MaHoSo", h.code());
        node.put("MaHoSoDiaPhuong", h.localId());
        node.put("MaHoSoQuocGia", "G22." + h.code());
        node.put("TrangThaiHoSo", h.status());
        node.put("MaTTHC", h.dossier().path("MaTTHC").asText());
        node.put("NgayTiepNhan", h.dossier().path("NgayTiepNhan").asText());
        node.put("NgayHenTra", WIRE.format(LocalDateTime.now(clock.withZone(VIETNAM)).plusDays(5).withHour(16).withMinute(0).withSecond(0)));
        Stage stage = stage(h.status());
        if (stage == Stage.SUPPLEMENT) {
            node.put("NoiDungYeuCauBoSung", h.supplementRequest());
        }
        if (stage == Stage.RESULT || stage == Stage.RETURNED) {
            node.putArray("DanhSachGiayToKetQua").addObject().put("TenGiayTo", "Giấy chứng nhận kết hôn")
                    .put("DuongDanTaiTepTin", baseUrl() + "/ket-qua/" + h.code() + ".pdf");
        }
        if (stage == Stage.RETURNED) {
            node.put("NgayTra", WIRE.format(LocalDateTime.now(clock.withZone(VIETNAM))));
        }
        return node;
    }

    @Override
    protected JsonNode callbackBody(Held h) {
        ObjectNode item = view(h);
        item.put("TrangThai", h.status());
        item.put("NguoiXuLy", "Cán bộ một cửa");
        item.put("PhongBanXuLy", "Bộ phận Tiếp nhận và Trả kết quả");
        item.put("ThoiDiemXuLy", WIRE.format(LocalDateTime.now(clock.withZone(VIETNAM))));
        item.put("NoiDungXuLy", "Cập nhật trạng thái " + h.status());
        ObjectNode envelope = JSON.createObjectNode().put("service", "CapNhatTienDoHoSoMC");
        envelope.putArray("data").add(item);
        return envelope;
    }

    private static ResponseDefinition error(int code, String message) {
        return ok(JSON.createObjectNode().put("error_code", code).put("message", message));
    }

    private static ResponseDefinition ok(JsonNode body) {
        return json(200, body);
    }
}
