package vn.govhub.sandbox.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.govhub.sandbox.Simulator;

/**
 * A province's case-handling (một cửa) system of the national-portal shape (vn-egov.md §3a): the session login of
 * §1 ({@code dstcode} header), then one envelope endpoint taking a {@code service}:
 * <pre>
 * POST /api/auth          {"username","password"} + dstcode → {"session","error_code":0}
 * POST /api/integration   {"session","madonvi","service":"DongBoHoSoMC","isUpdating":"False"|"True","data":[{MaHoSo,...}]}
 *                         {"session","madonvi","service":"TraCuuHoSo","mahoso":"..."} → {"error_code":0,"result":[{...}]}
 * </pre>
 * It holds each dossier once, keyed by {@code MaHoSo}: a push of a code it holds with {@code isUpdating: "False"}
 * is answered {@value #DUPLICATE} and recorded as a refused duplicate, never stored twice. Statuses use the
 * national codes (vn-egov.md §2) and move with {@link #advance()} — 1 → 2 → 4 → (5 for every
 * {@link #supplementEvery(int) n-th} dossier, back to 4 when a supplement arrives) → 9 → 10 — or
 * {@link #setStatus}; each change is called back, signed, to the hub when {@link #callbacksTo} is set (the
 * {@code CapNhatTienDoHoSoMC} shape, HMAC-SHA256 computed here, independently of the hub's code).
 */
public class NationalCaseSimulator extends Simulator {

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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=UTF-8";
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A dossier as held: the last pushed object, its status, how often it was pushed. */
    public record Held(String code, String idempotencyKey, JsonNode dossier, String status, int pushes, int supplements,
                       String supplementRequest) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger duplicatesRefused = new AtomicInteger();
    private final AtomicInteger callbacksSent = new AtomicInteger();
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "case-simulator-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Clock clock;
    private volatile int supplementEvery = 0;
    private volatile URI callbackUrl;
    private volatile String callbackSecret;
    private volatile String nextCallbackSignature; // a deliberately wrong signature, once
    private volatile long nextCallbackSkewSeconds;

    public NationalCaseSimulator(int port) {
        this(port, Clock.systemUTC());
    }

    public NationalCaseSimulator(int port, Clock clock) {
        super("cases-national", port);
        this.clock = clock;
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

    // --- what it holds

    public int count() {
        return held.size();
    }

    public boolean holds(String code) {
        return held.containsKey(code);
    }

    public Held dossier(String code) {
        return held.get(code);
    }

    public List<Held> dossiers() {
        return List.copyOf(held.values());
    }

    /** Pushes refused because the code was already held (a resend that did not look up first). */
    public int duplicatesRefused() {
        return duplicatesRefused.get();
    }

    public int logins() {
        return logins.get();
    }

    public int callbacksSent() {
        return callbacksSent.get();
    }

    // --- the backend's behaviour

    /** Every n-th dossier (by arrival) asks for a supplement on its way; 0: none. */
    public void supplementEvery(int n) {
        this.supplementEvery = n;
    }

    public void expireSessions() {
        sessions.clear();
    }

    /** Status changes are POSTed, signed with {@code secret}, to {@code url}; null stops callbacks. */
    public void callbacksTo(URI url, String secret) {
        this.callbackUrl = url;
        this.callbackSecret = secret;
    }

    /** The next callback carries this signature instead of the right one (or none, for null). */
    public void corruptNextCallback(String signature) {
        this.nextCallbackSignature = signature == null ? "" : signature;
    }

    /** The next callback's timestamp is this far off the clock (a replayed or delayed callback). */
    public void skewNextCallback(Duration skew) {
        this.nextCallbackSkewSeconds = skew.toSeconds();
    }

    /** Moves every held dossier one step along its way; returns how many moved. */
    public int advance() {
        int moved = 0;
        int index = 0;
        for (Held h : List.copyOf(held.values())) {
            index++;
            String next = switch (h.status()) {
                case "1" -> "2";
                case "2" -> "4";
                case "4" -> supplementEvery > 0 && index % supplementEvery == 0 && h.supplements() == 0 ? "5" : "9";
                case "9" -> "10";
                default -> null; // 5 waits for the citizen; 10 and the exits are final
            };
            if (next != null) {
                setStatus(h.code(), next, next.equals("5") ? "Bổ sung bản sao Giấy xác nhận tình trạng hôn nhân" : null);
                moved++;
            }
        }
        return moved;
    }

    /** Sets a dossier's national status (and the supplement request when 5), calling the hub back. */
    public void setStatus(String code, String status, String supplementRequest) {
        Held updated = held.computeIfPresent(code, (c, h) -> new Held(c, h.idempotencyKey(), h.dossier(), status, h.pushes(),
                h.supplements(), "5".equals(status) ? supplementRequest : null));
        if (updated != null) {
            callBack(updated);
        }
    }

    @Override
    protected void resetState() {
        held.clear();
        sessions.clear();
        logins.set(0);
        duplicatesRefused.set(0);
        callbacksSent.set(0);
        supplementEvery = 0;
        callbackUrl = null;
        nextCallbackSignature = null;
        nextCallbackSkewSeconds = 0;
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
        return json(JSON.createObjectNode().put("session", session).put("error_code", OK));
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
            String key = dossier.path("IdempotencyKey").asText(idempotencyKey);
            Held[] outcome = new Held[1];
            String[] before = new String[1];
            boolean[] duplicate = new boolean[1];
            held.compute(code, (c, h) -> {
                before[0] = h == null ? null : h.status();
                if (h == null) {
                    if (updating) {
                        return null;
                    }
                    outcome[0] = new Held(c, key, dossier, "1", 1, dossier.path("DanhSachHoSoBoSung").size(), null);
                    return outcome[0];
                }
                if (!updating) {
                    duplicate[0] = true;
                    return h;
                }
                JsonNode stored = dossier.has("MaTTHC") ? dossier : h.dossier(); // a status-only update keeps the rest
                int supplements = stored.path("DanhSachHoSoBoSung").size();
                String status = dossier.path("TrangThaiHoSo").asText("");
                String next = "7".equals(status) ? "7" : "5".equals(h.status()) && supplements > h.supplements() ? "4" : h.status();
                outcome[0] = new Held(c, h.idempotencyKey(), stored, next, h.pushes() + 1, supplements,
                        "4".equals(next) ? null : h.supplementRequest());
                return outcome[0];
            });
            if (duplicate[0]) {
                duplicatesRefused.incrementAndGet();
                return error(DUPLICATE, "Hồ sơ " + code + " đã tồn tại");
            }
            if (outcome[0] == null) {
                return error(NOT_FOUND, "Không tìm thấy hồ sơ " + code);
            }
            if (updating && !outcome[0].status().equals(before[0])) {
                callBack(outcome[0]);
            }
            result.add(JSON.createObjectNode().put("MaHoSo", code).put("TrangThaiHoSo", outcome[0].status()));
        }
        return json(JSON.createObjectNode().put("error_code", OK).set("result", result));
    }

    private ResponseDefinition lookUp(String code) {
        ArrayNode result = JSON.createArrayNode();
        Held h = held.get(code);
        if (h != null) {
            result.add(view(h));
        }
        return json(JSON.createObjectNode().put("error_code", OK).set("result", result));
    }

    private ObjectNode view(Held h) {
        ObjectNode node = JSON.createObjectNode();
        node.put("MaHoSo", h.code());
        node.put("MaHoSoQuocGia", "G22." + h.code());
        node.put("TrangThaiHoSo", h.status());
        node.put("MaTTHC", h.dossier().path("MaTTHC").asText());
        node.put("NgayTiepNhan", h.dossier().path("NgayTiepNhan").asText());
        node.put("NgayHenTra", WIRE.format(LocalDateTime.now(clock.withZone(VIETNAM)).plusDays(5).withHour(16).withMinute(0).withSecond(0)));
        if ("5".equals(h.status())) {
            node.put("NoiDungYeuCauBoSung", h.supplementRequest());
        }
        if ("9".equals(h.status()) || "10".equals(h.status())) {
            node.putArray("DanhSachGiayToKetQua").addObject().put("TenGiayTo", "Giấy chứng nhận kết hôn")
                    .put("DuongDanTaiTepTin", baseUrl() + "/ket-qua/" + h.code() + ".pdf");
        }
        if ("10".equals(h.status())) {
            node.put("NgayTra", WIRE.format(LocalDateTime.now(clock.withZone(VIETNAM))));
        }
        return node;
    }

    private void callBack(Held h) {
        URI url = callbackUrl;
        String secret = callbackSecret;
        if (url == null || secret == null) {
            return;
        }
        ObjectNode item = view(h);
        item.put("TrangThai", h.status());
        item.put("NguoiXuLy", "Cán bộ một cửa");
        item.put("PhongBanXuLy", "Bộ phận Tiếp nhận và Trả kết quả");
        item.put("ThoiDiemXuLy", WIRE.format(LocalDateTime.now(clock.withZone(VIETNAM))));
        item.put("NoiDungXuLy", "Cập nhật trạng thái " + h.status());
        ObjectNode envelope = JSON.createObjectNode().put("service", "CapNhatTienDoHoSoMC");
        envelope.putArray("data").add(item);
        byte[] body = bytes(envelope);
        long timestamp = clock.instant().getEpochSecond() + nextCallbackSkewSeconds;
        nextCallbackSkewSeconds = 0;
        String signature = "sha256=" + hmac(secret, timestamp + "." , body);
        String corrupt = nextCallbackSignature;
        nextCallbackSignature = null;
        callbacks.submit(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", JSON_TYPE).header("X-Govhub-Timestamp", Long.toString(timestamp))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (corrupt == null) {
                request.header("X-Govhub-Signature", signature);
            } else if (!corrupt.isEmpty()) {
                request.header("X-Govhub-Signature", corrupt);
            }
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                    callbacksSent.incrementAndGet();
                    if (response.statusCode() / 100 == 2 || response.statusCode() == 401) {
                        return; // delivered, or refused for good (a wrong signature is not retried)
                    }
                } catch (IOException e) {
                    // retried below
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /** HMAC-SHA256 hex over prefix + body, computed here (javax.crypto), not with the hub's code. */
    static String hmac(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(Request request) {
        try {
            return JSON.readTree(request.getBody());
        } catch (IOException e) {
            return null;
        }
    }

    private static ResponseDefinition error(int code, String message) {
        return json(JSON.createObjectNode().put("error_code", code).put("message", message));
    }

    private static ResponseDefinition json(JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", JSON_TYPE)
                .withBody(bytes(body)).build();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
