package vn.govhub.sandbox.tthc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.govhub.sandbox.Simulator;

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
 *
 * <p>This class routes the envelope; {@link TthcSessions} decides who may call, {@link TthcFaults} holds the
 * failures armed for the next calls, and {@link TthcServices} answers the calls let through.
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

    private final String authPath;
    private final String integrationPath;
    private final TthcSessions sessions = new TthcSessions();
    private final TthcFaults faults = new TthcFaults();
    private final TthcServices services;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

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
        this.services = new TthcServices(procedureCount, this::baseUrl, faults);
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
        sessions.setCredentials(username, password, unitCode);
    }

    /** When true, authentication failures answer HTTP 401 (same JSON body) instead of HTTP 200. */
    public void setHttp401OnAuthFailure(boolean http401) {
        sessions.setHttp401OnAuthFailure(http401);
    }

    // ---- catalogue

    /** The listed procedure codes, in list order (withdrawn procedures still listed included). */
    public List<String> procedureCodes() {
        return services.procedureCodes();
    }

    /**
     * The {@code LayThuTuc} item of a listed procedure, as a client parsing the answer now would read it (so it
     * equals what Jackson reads off the wire); empty when not listed. Form links need the simulator started.
     */
    public Optional<JsonNode> procedure(String code) {
        return services.procedure(code);
    }

    public int revision() {
        return services.revision();
    }

    /**
     * Publishes the next revision of the catalogue: about 1.5 % of active procedures amended (name, fee or one
     * more document, under a new IDQUYETDINHCONGBO), 0.5 % withdrawn (TRANGTHAI 0), 0.5 % gone from the list
     * ({@code LayThuTuc} then answers an empty result), and 0.5 % new ones. The same every run.
     */
    public Revision nextRevision() {
        ProcedureCatalogue.Revision r = services.nextRevision();
        return new Revision(r.number(), r.amended(), r.withdrawn(), r.removed(), r.added());
    }

    /** What one {@link #nextRevision()} changed, by procedure code. */
    public record Revision(int number, List<String> amended, List<String> withdrawn, List<String> removed,
                           List<String> added) {
    }

    // ---- failures

    /** Every session issued so far becomes invalid: the next call with it answers {@link #SESSION_EXPIRED}. */
    public void expireSessions() {
        sessions.expireAll();
    }

    /**
     * From now until {@link #reset()}, a session answers {@link #SESSION_EXPIRED} once it has served {@code n}
     * calls; sessions already issued count from now.
     */
    public void expireSessionAfterCalls(int n) {
        sessions.expireAfterCalls(n);
    }

    /** The next {@code LayThuTuc} answer is cut off in the middle of its JSON (HTTP 200 all the same). */
    public void truncateNextDetail() {
        faults.truncateNextDetail();
    }

    /** The next call of {@code service} answers {@code {"error_code": code, "message": message}}. */
    public void errorCodeNext(String service, int code, String message) {
        faults.errorCodeNext(service, code, message);
    }

    // ---- counts

    /** Requests naming this service since the last reset, whatever their outcome. */
    public int callCount(String service) {
        AtomicInteger count = calls.get(service);
        return count == null ? 0 : count.get();
    }

    /** Login requests since the last reset, successful or not. */
    public int loginCount() {
        return sessions.loginCount();
    }

    @Override
    protected void resetState() {
        services.reset();
        sessions.reset();
        faults.reset();
        calls.clear();
    }

    // ---- HTTP

    @Override
    protected void registerStubs() {
        stub(post(urlPathEqualTo(authPath)), sessions::login);
        stub(post(urlPathEqualTo(integrationPath)), this::integration);
        stub(get(urlPathEqualTo(DOWNLOAD_PATH)), services::download);
        stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody("<html><body><h1>HTTP Status 404 – Not Found</h1></body></html>")));
    }

    /** The envelope: counted, then admitted by the session, then an armed error or the service's answer. */
    private ResponseDefinition integration(Request request) {
        JsonNode body = TthcJson.parse(request);
        if (body == null) {
            return TthcJson.error(BAD_REQUEST, "Dữ liệu yêu cầu không hợp lệ");
        }
        String service = body.path("service").asText("");
        if (!service.isEmpty()) {
            calls.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
        }
        ResponseDefinition refused = sessions.refuse(request, body);
        if (refused != null) {
            return refused;
        }
        if (service.isEmpty()) {
            return TthcJson.error(BAD_REQUEST, "Thiếu tham số service");
        }
        ResponseDefinition injected = faults.takeError(service);
        return injected != null ? injected : services.answer(service, body);
    }

    private static String requirePath(String path, String what) {
        Objects.requireNonNull(path, what);
        if (!path.startsWith("/") || path.equals(DOWNLOAD_PATH)) {
            throw new IllegalArgumentException(what + " must start with / and not be " + DOWNLOAD_PATH + ": " + path);
        }
        return path;
    }
}
