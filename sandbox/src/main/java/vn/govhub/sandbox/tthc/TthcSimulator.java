package vn.govhub.sandbox.tthc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import vn.govhub.sandbox.Simulator;
import vn.govhub.sandbox.tthc.ProcedureCatalogue.Procedure;

/**
 * The national administrative procedure (thủ tục hành chính, TTHC) database's integration API, as provincial
 * systems call it: a session login with a {@code dstcode} header, then one envelope endpoint taking a
 * {@code service} name.
 *
 * <pre>
 * POST /api/auth          {"username","password"} + header dstcode  → {"session","error_code":0}
 * POST /api/integration   {"session","madonvi","service",...params} + header dstcode → {"error_code":0,"result":[...]}
 * GET  /download_file.jsp?ma=&lt;hex&gt;  a form template (PDF or DOCX) a required document links to
 * </pre>
 * Services: {@code LayDanhSachTTHC} (optional {@code page}, {@code pageSize}), {@code LayThuTuc}
 * ({@code maTTHC}), {@code LayDanhMucCoQuan}, {@code LayDanhMucLinhVuc}. Failures are answered with HTTP 200 and
 * a non-zero {@code error_code}, as these systems do. The catalogue is generated from fixed seeds, so every run
 * serves the same procedures; {@link #nextRevision()} changes it the same way every time.
 */
public final class TthcSimulator extends Simulator {

    public static final int OK = 0;
    /** Malformed request: body not JSON, no {@code service}, {@code LayThuTuc} without {@code maTTHC}. */
    public static final int BAD_REQUEST = 400;
    /** Wrong credentials, or the {@code dstcode} header missing or not the configured unit. */
    public static final int UNAUTHORIZED = 401;
    /** The session is unknown or expired: log in again. */
    public static final int SESSION_EXPIRED = 403;
    /** No such service. */
    public static final int UNKNOWN_SERVICE = 404;

    public static final String DEFAULT_AUTH_PATH = "/api/auth";
    public static final String DEFAULT_INTEGRATION_PATH = "/api/integration";
    public static final String DOWNLOAD_PATH = "/download_file.jsp";
    public static final String DEFAULT_USERNAME = "govhub";
    public static final String DEFAULT_PASSWORD = "govhub@2025";
    /** The unit code the hub sends in {@code dstcode}: the provincial People's Committee. */
    public static final String DEFAULT_UNIT_CODE = Agencies.PEOPLES_COMMITTEE.code();
    public static final int DEFAULT_PROCEDURE_COUNT = 2_000;

    public static final String LIST_SERVICE = "LayDanhSachTTHC";
    public static final String DETAIL_SERVICE = "LayThuTuc";
    public static final String AGENCIES_SERVICE = "LayDanhMucCoQuan";
    public static final String SECTORS_SERVICE = "LayDanhMucLinhVuc";

    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom SESSIONS = new SecureRandom();

    private final String authPath;
    private final String integrationPath;
    private final ProcedureCatalogue catalogue; // guarded by itself
    private final Map<String, AtomicInteger> sessions = new ConcurrentHashMap<>(); // session → calls made
    private final Map<String, Deque<ErrorAnswer>> errorsNext = new HashMap<>(); // guarded by itself
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile String username = DEFAULT_USERNAME;
    private volatile String password = DEFAULT_PASSWORD;
    private volatile String unitCode = DEFAULT_UNIT_CODE;
    private volatile boolean http401OnAuthFailure;
    private volatile int sessionCallLimit = -1;
    private final AtomicBoolean truncateNextDetail = new AtomicBoolean();

    private record ErrorAnswer(int code, String message) {
    }

    public TthcSimulator(int port) {
        this(port, DEFAULT_PROCEDURE_COUNT);
    }

    public TthcSimulator(int port, int procedureCount) {
        this(port, procedureCount, DEFAULT_AUTH_PATH, DEFAULT_INTEGRATION_PATH);
    }

    /**
     * @param port           0 for a free port
     * @param procedureCount how many procedures revision 0 lists (the hub's benchmark asks for 6 500)
     * @param authPath       the login path, e.g. {@code /api/auth}
     * @param integrationPath the service envelope path, e.g. {@code /api/integration}
     */
    public TthcSimulator(int port, int procedureCount, String authPath, String integrationPath) {
        super("tthc", port);
        this.authPath = requirePath(authPath, "authPath");
        this.integrationPath = requirePath(integrationPath, "integrationPath");
        this.catalogue = new ProcedureCatalogue(procedureCount);
    }

    // ---- addresses and credentials

    public String authUrl() {
        return baseUrl() + authPath;
    }

    public String integrationUrl() {
        return baseUrl() + integrationPath;
    }

    public String authPath() {
        return authPath;
    }

    public String integrationPath() {
        return integrationPath;
    }

    /** The accepted login and {@code dstcode}; defaults {@link #DEFAULT_USERNAME}, ... until {@link #reset()}. */
    public void setCredentials(String username, String password, String unitCode) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.unitCode = Objects.requireNonNull(unitCode, "unitCode");
    }

    /** When true, authentication failures answer HTTP 401 (same JSON body) instead of HTTP 200. */
    public void setHttp401OnAuthFailure(boolean http401) {
        this.http401OnAuthFailure = http401;
    }

    // ---- catalogue

    /** The listed procedure codes, in list order (withdrawn procedures still listed included). */
    public List<String> procedureCodes() {
        synchronized (catalogue) {
            return catalogue.listed().stream().map(p -> p.code).toList();
        }
    }

    /**
     * The {@code LayThuTuc} item of a listed procedure, as a client parsing the answer now would read it (so it
     * equals what Jackson reads off the wire); empty when not listed. Form links need the simulator started.
     */
    public Optional<JsonNode> procedure(String code) {
        Optional<ObjectNode> item;
        synchronized (catalogue) {
            item = catalogue.find(code).map(this::write);
        }
        return item.map(node -> {
            try {
                return JSON.readTree(bytes(node));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public int revision() {
        synchronized (catalogue) {
            return catalogue.revision();
        }
    }

    /**
     * Publishes the next revision of the catalogue: about 1.5 % of active procedures amended (name, fee or one
     * more document, under a new IDQUYETDINHCONGBO), 0.5 % withdrawn (TRANGTHAI 0), 0.5 % gone from the list
     * ({@code LayThuTuc} then answers an empty result), and 0.5 % new ones. The same every run.
     */
    public Revision nextRevision() {
        synchronized (catalogue) {
            ProcedureCatalogue.Revision r = catalogue.next();
            return new Revision(r.number(), r.amended(), r.withdrawn(), r.removed(), r.added());
        }
    }

    /** What one {@link #nextRevision()} changed, by procedure code. */
    public record Revision(int number, List<String> amended, List<String> withdrawn, List<String> removed,
                           List<String> added) {
    }

    // ---- failures

    /** Every session issued so far becomes invalid: the next call with it answers {@link #SESSION_EXPIRED}. */
    public void expireSessions() {
        sessions.clear();
    }

    /**
     * From now until {@link #reset()}, a session answers {@link #SESSION_EXPIRED} once it has served {@code n}
     * calls; sessions already issued count from now.
     */
    public void expireSessionAfterCalls(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        sessionCallLimit = n;
        sessions.values().forEach(c -> c.set(0));
    }

    /** The next {@code LayThuTuc} answer is cut off in the middle of its JSON (HTTP 200 all the same). */
    public void truncateNextDetail() {
        truncateNextDetail.set(true);
    }

    /** The next call of {@code service} answers {@code {"error_code": code, "message": message}}. */
    public void errorCodeNext(String service, int code, String message) {
        if (code == OK) {
            throw new IllegalArgumentException("an error code is not 0");
        }
        synchronized (errorsNext) {
            errorsNext.computeIfAbsent(Objects.requireNonNull(service, "service"), s -> new ArrayDeque<>())
                    .add(new ErrorAnswer(code, Objects.requireNonNull(message, "message")));
        }
    }

    // ---- counts

    /** Requests naming this service since the last reset, whatever their outcome. */
    public int callCount(String service) {
        AtomicInteger count = calls.get(service);
        return count == null ? 0 : count.get();
    }

    /** Login requests since the last reset, successful or not. */
    public int loginCount() {
        return logins.get();
    }

    @Override
    protected void resetState() {
        synchronized (catalogue) {
            catalogue.reset();
        }
        sessions.clear();
        synchronized (errorsNext) {
            errorsNext.clear();
        }
        calls.clear();
        logins.set(0);
        username = DEFAULT_USERNAME;
        password = DEFAULT_PASSWORD;
        unitCode = DEFAULT_UNIT_CODE;
        http401OnAuthFailure = false;
        sessionCallLimit = -1;
        truncateNextDetail.set(false);
    }

    // ---- HTTP

    @Override
    protected void registerStubs() {
        stub(post(urlPathEqualTo(authPath)), this::login);
        stub(post(urlPathEqualTo(integrationPath)), this::integration);
        stub(get(urlPathEqualTo(DOWNLOAD_PATH)), this::download);
        stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody("<html><body><h1>HTTP Status 404 – Not Found</h1></body></html>")));
    }

    private ResponseDefinition login(Request request) {
        logins.incrementAndGet();
        JsonNode body = parse(request);
        if (body == null) {
            return error(BAD_REQUEST, "Dữ liệu yêu cầu không hợp lệ");
        }
        if (!unitCode.equals(request.getHeader("dstcode"))) {
            return authFailure("Mã đơn vị (dstcode) không hợp lệ");
        }
        if (!username.equals(body.path("username").asText()) || !password.equals(body.path("password").asText())) {
            return authFailure("Tên đăng nhập hoặc mật khẩu không đúng");
        }
        byte[] bytes = new byte[24];
        SESSIONS.nextBytes(bytes);
        String session = HexFormat.of().formatHex(bytes);
        sessions.put(session, new AtomicInteger());
        ObjectNode answer = JSON.createObjectNode().put("session", session).put("error_code", OK);
        return json(200, answer);
    }

    private ResponseDefinition integration(Request request) {
        JsonNode body = parse(request);
        if (body == null) {
            return error(BAD_REQUEST, "Dữ liệu yêu cầu không hợp lệ");
        }
        String service = body.path("service").asText("");
        if (!service.isEmpty()) {
            calls.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
        }
        if (!unitCode.equals(request.getHeader("dstcode"))) {
            return authFailure("Mã đơn vị (dstcode) không hợp lệ");
        }
        AtomicInteger used = sessions.get(body.path("session").asText(""));
        if (used == null) {
            return error(SESSION_EXPIRED, "Phiên làm việc đã hết hạn");
        }
        int limit = sessionCallLimit;
        if (limit >= 0 && used.incrementAndGet() > limit) {
            sessions.remove(body.path("session").asText());
            return error(SESSION_EXPIRED, "Phiên làm việc đã hết hạn");
        }
        if (service.isEmpty()) {
            return error(BAD_REQUEST, "Thiếu tham số service");
        }
        ErrorAnswer injected;
        synchronized (errorsNext) {
            Deque<ErrorAnswer> queue = errorsNext.get(service);
            injected = queue == null ? null : queue.poll();
        }
        if (injected != null) {
            return error(injected.code(), injected.message());
        }
        return switch (service) {
            case LIST_SERVICE -> list(body);
            case DETAIL_SERVICE -> detail(body);
            case AGENCIES_SERVICE -> agencies();
            case SECTORS_SERVICE -> sectors();
            default -> error(UNKNOWN_SERVICE, "Không tìm thấy dịch vụ " + service);
        };
    }

    private ResponseDefinition list(JsonNode body) {
        int page = body.path("page").asInt(0);
        int pageSize = body.path("pageSize").asInt(0);
        ArrayNode result = JSON.createArrayNode();
        synchronized (catalogue) {
            List<Procedure> listed = catalogue.listed();
            int from = 0;
            int to = listed.size();
            if (page > 0 && pageSize > 0) {
                from = (int) Math.min(listed.size(), (long) (page - 1) * pageSize);
                to = (int) Math.min(listed.size(), (long) from + pageSize);
            }
            for (Procedure p : listed.subList(from, to)) {
                result.addObject().put("MATTHC", p.code).put("TENTTHC", p.name());
            }
        }
        return ok(result);
    }

    private ResponseDefinition detail(JsonNode body) {
        String code = body.path("maTTHC").asText("").strip();
        if (code.isEmpty()) {
            return error(BAD_REQUEST, "Thiếu tham số maTTHC");
        }
        ArrayNode result = JSON.createArrayNode();
        synchronized (catalogue) {
            catalogue.find(code).map(this::write).ifPresent(result::add);
        }
        if (truncateNextDetail.compareAndSet(true, false)) {
            byte[] whole = bytes(JSON.createObjectNode().put("error_code", OK).set("result", result));
            int cut = whole.length / 2;
            while (cut > 1 && (whole[cut] & 0xC0) == 0x80) {
                cut--; // cut between characters: the JSON is broken, the UTF-8 is not
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", JSON_TYPE).withBody(Arrays.copyOf(whole, cut)).build();
        }
        return ok(result);
    }

    private ResponseDefinition agencies() {
        ArrayNode result = JSON.createArrayNode();
        for (Agencies.Agency agency : Agencies.all()) {
            result.addObject().put("MADONVI", agency.code()).put("TENDONVI", agency.name());
        }
        return ok(result);
    }

    private ResponseDefinition sectors() {
        ArrayNode result = JSON.createArrayNode();
        synchronized (catalogue) {
            catalogue.sectorCodes().forEach((name, code) ->
                    result.addObject().put("MALINHVUC", code).put("TENLINHVUC", name));
        }
        return ok(result);
    }

    private ResponseDefinition download(Request request) {
        String key = request.queryParameter("ma").isPresent() ? request.queryParameter("ma").firstValue() : null;
        Optional<ProcedureWriter.Form> form = ProcedureWriter.parseFormKey(key).flatMap(k -> {
            synchronized (catalogue) {
                return catalogue.byIndex(k[0]).flatMap(p -> ProcedureWriter.form(p, k[1]));
            }
        });
        if (form.isEmpty()) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(404)
                    .withHeader("Content-Type", "text/html; charset=UTF-8")
                    .withBody("<html><body><h1>Không tìm thấy tệp tin</h1></body></html>").build();
        }
        ProcedureWriter.Form f = form.get();
        String ascii = FormFiles.ascii(f.fileName()).replace("\"", "");
        String encoded = URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", f.contentType())
                .withHeader("Content-Disposition",
                        "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .withBody(f.bytes()).build();
    }

    private ObjectNode write(Procedure p) {
        return ProcedureWriter.write(p, baseUrl(), catalogue.sectorCodes().get(p.seed.sector()));
    }

    private static JsonNode parse(Request request) {
        try {
            JsonNode node = JSON.readTree(request.getBody());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private ResponseDefinition authFailure(String message) {
        return json(http401OnAuthFailure ? 401 : 200,
                JSON.createObjectNode().put("error_code", UNAUTHORIZED).put("message", message));
    }

    private static ResponseDefinition ok(ArrayNode result) {
        ObjectNode answer = JSON.createObjectNode().put("error_code", OK);
        answer.set("result", result);
        return json(200, answer);
    }

    private static ResponseDefinition error(int code, String message) {
        return json(200, JSON.createObjectNode().put("error_code", code).put("message", message));
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", JSON_TYPE).withBody(bytes(body)).build();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requirePath(String path, String what) {
        Objects.requireNonNull(path, what);
        if (!path.startsWith("/") || path.equals(DOWNLOAD_PATH)) {
            throw new IllegalArgumentException(what + " must start with / and not be " + DOWNLOAD_PATH + ": " + path);
        }
        return path;
    }
}
