package vn.govhub.sandbox.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * A provincial integration platform (LGSP) in front of a one-stop system (vn-egov.md §3c):
 * <pre>
 * POST /token                      grant_type=client_credentials, client id:secret in HTTP Basic → access_token
 * POST /Document/SyncDocument      one document; an upsert keyed on DocCode → {"ErrorCode":0,"Data":{DocCode,
 *                                  LocalCode, Status, Created}}; missing DocCode/DocTypeCode/CitizenName → ErrorCode 2
 * GET  /Document/GetDocument?docCode=  → {"ErrorCode":0,"Data":{...}|null}
 * </pre>
 * Business errors come as HTTP 200 with a non-zero {@code ErrorCode}, as LGSPs answer; an unknown or expired bearer
 * token is HTTP 401. A document synced again with more {@code Supplementaries} answers a supplement request.
 * Status codes: 0 new, 1 received, 2 in processing, 3 supplement requested, 4 result ready, 5 returned, 6 refused,
 * 7 stopped, 8 withdrawn. Callbacks are {@code UpdateDocumentTraces} documents (DocCode, Status, Traces[], ...).
 */
public class LgspCaseSimulator extends TokenCaseSimulator {

    public static final String CLIENT_ID = "govhub-lgsp";
    public static final String CLIENT_SECRET = "lgsp-secret@2025";
    public static final int OK = 0;
    public static final int INVALID = 2;

    private static final Map<Stage, String> CODES = new EnumMap<>(Map.of(Stage.NEW, "0", Stage.RECEIVED, "1",
            Stage.IN_PROGRESS, "2", Stage.SUPPLEMENT, "3", Stage.RESULT, "4", Stage.RETURNED, "5", Stage.REFUSED, "6",
            Stage.STOPPED, "7", Stage.WITHDRAWN, "8"));
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");


    public LgspCaseSimulator(int port) {
        this(port, Clock.systemUTC());
    }

    public LgspCaseSimulator(int port, Clock clock) {
        super("cases-lgsp", port, clock, Duration.ofHours(1), CLIENT_ID, CLIENT_SECRET);
    }

    @Override
    public String code(Stage stage) {
        return CODES.get(stage);
    }

    @Override
    protected void registerStubs() {
        stub(post(urlPathEqualTo("/token")), this::token);
        stub(post(urlPathEqualTo("/Document/SyncDocument")), authorised(this::sync));
        stub(get(urlPathEqualTo("/Document/GetDocument")), authorised(this::getDocument));
        stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404).withBody("Not Found")));
    }

    private ResponseDefinition token(Request request) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!"client_credentials".equals(IGateCaseSimulator.form(request.getBodyAsString()).get("grant_type"))) {
            return json(400, JSON.createObjectNode().put("error", "unsupported_grant_type"));
        }
        if (!expected.equals(request.getHeader("Authorization"))) {
            return json(401, JSON.createObjectNode().put("error", "invalid_client"));
        }
        return json(200, JSON.createObjectNode().put("access_token", issueToken()).put("token_type", "Bearer")
                .put("expires_in", tokenLifetimeSeconds()));
    }

    private ResponseDefinition sync(Request request) {
        JsonNode doc = parse(request);
        if (doc == null || !doc.isObject()) {
            return answer(INVALID, "Dữ liệu không hợp lệ", null);
        }
        if (doc.path("DocCode").asText("").isBlank() || doc.path("DocTypeCode").asText("").isBlank()
                || doc.path("CitizenName").asText("").isBlank()) {
            return answer(INVALID, "Thiếu DocCode, DocTypeCode hoặc CitizenName", null);
        }
        Stored stored = store(doc.path("DocCode").asText(), request.getHeader("Idempotency-Key"), doc,
                doc.path("Supplementaries").size(), Mode.UPSERT, false);
        ObjectNode data = view(stored.held());
        data.put("Created", stored.outcome() == Outcome.CREATED);
        return answer(OK, "Thành công", data);
    }

    private ResponseDefinition getDocument(Request request) {
        QueryParameter code = request.queryParameter("docCode");
        Held h = code.isPresent() ? dossier(code.firstValue()) : null;
        return answer(OK, h == null ? "Không tìm thấy" : "Thành công", h == null ? null : view(h));
    }

    private ObjectNode view(Held h) {
        Stage stage = stage(h.status());
        LocalDateTime now = LocalDateTime.now(clock.withZone(VIETNAM));
        ObjectNode doc = JSON.createObjectNode();
        doc.put("DocCode", h.code());
        doc.put("LocalCode", h.localId());
        doc.put("NationalCode", "G22." + h.code());
        doc.put("Status", h.status());
        doc.put("DateReceived", h.dossier().path("DateReceived").asText(null));
        doc.put("DateAppointed", WIRE.format(now.plusDays(5).withHour(16).withMinute(0).withSecond(0)));
        if (stage == Stage.RETURNED) {
            doc.put("DateReturned", WIRE.format(now));
        }
        if (stage == Stage.SUPPLEMENT) {
            doc.put("SupplementRequest", h.supplementRequest());
        }
        if (stage == Stage.RESULT || stage == Stage.RETURNED) {
            doc.putArray("Results").addObject().put("FileName", "Giấy chứng nhận kết hôn.pdf").put("Url", baseUrl() + "/files/" + h.localId());
        }
        return doc;
    }

    @Override
    protected JsonNode callbackBody(Held h) {
        ObjectNode doc = view(h);
        doc.putArray("Traces").addObject().put("TraceDate", WIRE.format(LocalDateTime.now(clock.withZone(VIETNAM))))
                .put("ProcessorName", "Cán bộ một cửa").put("DepartmentName", "Bộ phận Tiếp nhận và Trả kết quả")
                .put("Content", "Cập nhật trạng thái " + h.status()).put("Status", h.status());
        return doc;
    }

    private static ResponseDefinition answer(int errorCode, String message, JsonNode data) {
        ObjectNode body = JSON.createObjectNode().put("ErrorCode", errorCode).put("Message", message);
        body.set("Data", data == null ? JSON.nullNode() : data);
        return json(200, body);
    }
}
