package vn.govhub.sandbox.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An iGate-style case-handling system (vn-egov.md §3b): a Keycloak realm issuing client-credentials tokens, then JSON
 * REST under {@code /pa/dossier}:
 * <pre>
 * POST /auth/realms/{realm}/protocol/openid-connect/token   grant_type=client_credentials&amp;client_id&amp;client_secret
 * GET  /pa/dossier/search?code=&amp;page=&amp;size=      a page {"content":[...],"totalElements",...}
 * POST /pa/dossier                                 create; 409 if the code exists
 * PUT  /pa/dossier/{id}                            update
 * POST /pa/dossier/{id}/supplement                 one supplement {id, note, attachment[]}; 409 if its id was seen
 * PUT  /pa/dossier/{id}/withdraw                   {reason}; 409 once the result exists
 * </pre>
 * Every {@code /pa} call needs a live bearer token (401 otherwise; {@link #expireTokens()} plays a token revoked early).
 * Status codes ({@code dossierStatus.id}): 0 new, 1 received, 2 in processing, 3 supplement requested, 4 result ready,
 * 5 result returned, 6 withdrawn, 7 refused, 8 stopped. Callbacks: {@code {"type":"DOSSIER_STATUS","data":[item]}}.
 */
public class IGateCaseSimulator extends TokenCaseSimulator {

    public static final String REALM = "govhub-mc";
    public static final String CLIENT_ID = "govhub-hub";
    public static final String CLIENT_SECRET = "igate-secret@2025";

    private static final Map<Stage, String> CODES = new EnumMap<>(Map.of(Stage.NEW, "0", Stage.RECEIVED, "1",
            Stage.IN_PROGRESS, "2", Stage.SUPPLEMENT, "3", Stage.RESULT, "4", Stage.RETURNED, "5", Stage.WITHDRAWN, "6",
            Stage.REFUSED, "7", Stage.STOPPED, "8"));
    private static final Map<Stage, String> NAMES = new EnumMap<>(Map.of(Stage.NEW, "Mới đăng ký", Stage.RECEIVED, "Đã tiếp nhận",
            Stage.IN_PROGRESS, "Đang xử lý", Stage.SUPPLEMENT, "Yêu cầu bổ sung", Stage.RESULT, "Có kết quả",
            Stage.RETURNED, "Đã trả kết quả", Stage.WITHDRAWN, "Đã rút", Stage.REFUSED, "Từ chối", Stage.STOPPED, "Dừng xử lý"));
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");


    public IGateCaseSimulator(int port) {
        this(port, Clock.systemUTC());
    }

    public IGateCaseSimulator(int port, Clock clock) {
        super("cases-igate", port, clock, Duration.ofMinutes(5), CLIENT_ID, CLIENT_SECRET);
    }

    @Override
    public String code(Stage stage) {
        return CODES.get(stage);
    }

    public String realm() {
        return REALM;
    }

    @Override
    protected void registerStubs() {
        stub(post(urlPathEqualTo("/auth/realms/" + REALM + "/protocol/openid-connect/token")), this::token);
        stub(get(urlPathEqualTo("/pa/dossier/search")), authorised(this::search));
        stub(post(urlPathEqualTo("/pa/dossier")), authorised(this::create));
        stub(put(urlPathMatching("/pa/dossier/[^/]+")), authorised(this::update));
        stub(post(urlPathMatching("/pa/dossier/[^/]+/supplement")), authorised(this::supplement));
        stub(put(urlPathMatching("/pa/dossier/[^/]+/withdraw")), authorised(this::withdraw));
        stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404).withBody("Not Found")));
    }

    private ResponseDefinition token(Request request) {
        Map<String, String> form = form(request.getBodyAsString());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return json(400, JSON.createObjectNode().put("error", "unsupported_grant_type"));
        }
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return json(401, JSON.createObjectNode().put("error", "unauthorized_client").put("error_description", "Invalid client secret"));
        }
        return json(200, JSON.createObjectNode().put("access_token", issueToken()).put("expires_in", tokenLifetimeSeconds())
                .put("refresh_expires_in", 0).put("token_type", "Bearer").put("scope", "profile email"));
    }

    private ResponseDefinition search(Request request) {
        QueryParameter code = request.queryParameter("code");
        List<Held> found = code.isPresent() ? Optional.ofNullable(dossier(code.firstValue())).stream().toList() : dossiers();
        ObjectNode page = JSON.createObjectNode();
        ArrayNode content = page.putArray("content");
        found.forEach(h -> content.add(view(h)));
        page.put("totalElements", found.size()).put("totalPages", found.isEmpty() ? 0 : 1).put("number", 0).put("size", found.size());
        return json(200, page);
    }

    private ResponseDefinition create(Request request) {
        JsonNode body = parse(request);
        String problem = missing(body);
        if (problem != null) {
            return message(400, problem);
        }
        String code = body.path("code").asText();
        Stored stored = store(code, request.getHeader("Idempotency-Key"), body, body.path("supplement").size(), Mode.CREATE, false);
        if (stored.outcome() == Outcome.DUPLICATE) {
            return message(409, "Mã hồ sơ " + code + " đã tồn tại");
        }
        return json(201, view(stored.held()));
    }

    private ResponseDefinition update(Request request) {
        Held h = byId(request);
        JsonNode body = parse(request);
        if (h == null) {
            return message(404, "Không tìm thấy hồ sơ");
        }
        String problem = missing(body);
        if (problem != null) {
            return message(400, problem);
        }
        if (!h.code().equals(body.path("code").asText())) {
            return message(400, "Không được đổi mã hồ sơ");
        }
        Stored stored = store(h.code(), h.idempotencyKey(), body, Math.max(h.supplements(), body.path("supplement").size()), Mode.UPDATE, false);
        return json(200, view(stored.held()));
    }

    private ResponseDefinition supplement(Request request) {
        Held h = byId(request);
        JsonNode body = parse(request);
        if (h == null) {
            return message(404, "Không tìm thấy hồ sơ");
        }
        if (body == null || body.path("id").asText("").isBlank()) {
            return message(400, "Thiếu mã bổ sung (id)");
        }
        ObjectNode dossier = h.dossier().deepCopy();
        ArrayNode supplements = dossier.withArray("supplement");
        for (JsonNode s : supplements) {
            if (s.path("id").asText().equals(body.path("id").asText())) {
                return message(409, "Bổ sung " + body.path("id").asText() + " đã được tiếp nhận");
            }
        }
        supplements.add(body);
        Stored stored = store(h.code(), h.idempotencyKey(), dossier, supplements.size(), Mode.UPDATE, false);
        return json(200, view(stored.held()));
    }

    private ResponseDefinition withdraw(Request request) {
        Held h = byId(request);
        if (h == null) {
            return message(404, "Không tìm thấy hồ sơ");
        }
        Stage stage = stage(h.status());
        if (stage != Stage.NEW && stage != Stage.RECEIVED && stage != Stage.IN_PROGRESS && stage != Stage.SUPPLEMENT) {
            return message(409, "Hồ sơ ở trạng thái " + NAMES.get(stage) + ", không thể rút");
        }
        Stored stored = store(h.code(), h.idempotencyKey(), null, h.supplements(), Mode.UPDATE, true);
        return json(200, view(stored.held()));
    }

    private Held byId(Request request) {
        String[] parts = request.getUrl().split("\\?")[0].split("/");
        String id = URLDecoder.decode(parts[3], StandardCharsets.UTF_8); // /pa/dossier/{id}[/...]
        return dossiers().stream().filter(h -> h.localId().equals(id)).findFirst().orElse(null);
    }

    private static String missing(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "Dữ liệu không hợp lệ";
        }
        if (body.path("code").asText("").isBlank() || body.path("procedure").path("code").asText("").isBlank()
                || body.path("applicant").path("data").path("fullname").asText("").isBlank()) {
            return "Thiếu code, procedure.code hoặc applicant.data.fullname";
        }
        return null;
    }

    private ObjectNode view(Held h) {
        Stage stage = stage(h.status());
        ObjectNode item = JSON.createObjectNode();
        item.put("id", h.localId());
        item.put("code", h.code());
        item.put("nationCode", "G22." + h.code());
        item.putObject("applicant").putObject("data").put("fullname", h.dossier().path("applicant").path("data").path("fullname").asText());
        item.set("procedure", h.dossier().path("procedure"));
        item.putObject("dossierStatus").put("id", Integer.parseInt(h.status())).put("name", NAMES.get(stage));
        item.put("appliedDate", h.dossier().path("appliedDate").asText(null));
        item.put("appointmentDate", ISO.format(clock.instant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5).withHour(16)
                .withMinute(0).withSecond(0).withNano(0)));
        if (stage == Stage.RETURNED) {
            item.put("completedDate", ISO.format(clock.instant().atZone(ZoneId.of("Asia/Ho_Chi_Minh"))));
        }
        if (stage == Stage.SUPPLEMENT) {
            item.put("additionalRequirement", h.supplementRequest());
        }
        if (stage == Stage.RESULT || stage == Stage.RETURNED) {
            item.putArray("result").addObject().put("filename", "Giấy chứng nhận kết hôn.pdf").put("url", baseUrl() + "/files/result/" + h.localId());
        }
        return item;
    }

    @Override
    protected JsonNode callbackBody(Held h) {
        ObjectNode item = view(h);
        ObjectNode task = item.putObject("currentTask");
        task.put("name", NAMES.get(stage(h.status())));
        task.put("updatedDate", ISO.format(clock.instant().atZone(ZoneId.of("Asia/Ho_Chi_Minh"))));
        task.putObject("assignee").put("fullname", "Cán bộ một cửa");
        task.putObject("agency").put("name", "Bộ phận Tiếp nhận và Trả kết quả");
        ObjectNode body = JSON.createObjectNode().put("type", "DOSSIER_STATUS");
        body.putArray("data").add(item);
        return body;
    }

    private static ResponseDefinition message(int status, String message) {
        return json(status, JSON.createObjectNode().put("status", status).put("message", message));
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body == null ? new String[0] : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
