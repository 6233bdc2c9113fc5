package vn.govhub.connectors.tthc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.govhub.model.Procedure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import vn.govhub.connectors.http.BoundedHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Client of the national TTHC database integration API (reference: vn-egov.md §1). Logs in with the unit code in
 * the {@code dstcode} header, reuses the session until a call answers with a session-expired code, then logs in
 * again once and repeats that call once. Thread-safe.
 */
public class TthcClient {

    /** A procedure as mapped, with the upstream item it came from. */
    public record Fetched(Procedure procedure, String rawJson) {
    }

    /** An entry of the list service. */
    public record Listed(String code, String name) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The whole catalogue's list is the largest answer; the read timeout is the deadline of each whole answer. */
    static final long MAX_ANSWER_BYTES = 64L << 20;

    private final TthcSettings settings;
    private final HttpClient http;
    private final TthcMapper mapper = new TthcMapper();
    private volatile String session;

    public TthcClient(TthcSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public List<Listed> listProcedures() {
        List<Listed> listed = new ArrayList<>();
        for (JsonNode item : call("LayDanhSachTTHC", Map.of())) {
            String code = TthcMapper.text(item, "MATTHC");
            if (code != null) {
                listed.add(new Listed(code.trim(), TthcMapper.text(item, "TENTTHC")));
            }
        }
        return listed;
    }

    public Fetched procedure(String code) {
        JsonNode result = call("LayThuTuc", Map.of("maTTHC", code));
        if (!result.isArray() || result.isEmpty()) {
            throw new TthcException.Permanent("LayThuTuc " + code + " returned no item", null);
        }
        JsonNode item = result.get(0);
        try {
            return new Fetched(mapper.procedure(item), JSON.writeValueAsString(item));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TthcException.Permanent("procedure " + code + " cannot be mapped: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new TthcException.Permanent("procedure " + code + " cannot be serialised", e);
        }
    }

    public List<Procedure.Ref> agencies() {
        return refs(call("LayDanhMucCoQuan", Map.of()), "MADONVI", "TENDONVI");
    }

    public List<Procedure.Ref> sectors() {
        return refs(call("LayDanhMucLinhVuc", Map.of()), "MALINHVUC", "TENLINHVUC");
    }

    private static List<Procedure.Ref> refs(JsonNode result, String codeKey, String nameKey) {
        List<Procedure.Ref> refs = new ArrayList<>();
        for (JsonNode item : result) {
            refs.add(new Procedure.Ref(TthcMapper.text(item, codeKey), TthcMapper.text(item, nameKey)));
        }
        return refs;
    }

    /** One service call; the session is (re)acquired as needed. */
    JsonNode call(String service, Map<String, String> params) {
        String current = session != null ? session : login();
        JsonNode answer = post(settings.integrationPath(), envelope(current, service, params));
        if (expired(answer)) {
            current = relogin(current);
            answer = post(settings.integrationPath(), envelope(current, service, params));
        }
        int code = answer.path("error_code").asInt(-1);
        if (code != 0) {
            throw new TthcException.Permanent(service + " answered error_code " + code + ": " + answer.path("message").asText(""), null);
        }
        JsonNode result = answer.path("result");
        return result.isMissingNode() || result.isNull() ? JSON.createArrayNode() : result;
    }

    private boolean expired(JsonNode answer) {
        return settings.sessionExpiredCodes().contains(answer.path("error_code").asInt(0));
    }

    private synchronized String relogin(String stale) {
        // another thread may already have logged in again
        return session != null && !session.equals(stale) ? session : login();
    }

    private synchronized String login() {
        ObjectNode body = JSON.createObjectNode().put("username", settings.username()).put("password", settings.password());
        JsonNode answer = post(settings.authPath(), body);
        String fresh = answer.path("session").asText(null);
        if (answer.path("error_code").asInt(-1) != 0 || fresh == null || fresh.isBlank()) {
            throw new TthcException.Permanent("login refused: error_code " + answer.path("error_code").asText("?")
                    + " " + answer.path("message").asText(""), null);
        }
        session = fresh;
        return fresh;
    }

    private ObjectNode envelope(String session, String service, Map<String, String> params) {
        ObjectNode body = JSON.createObjectNode().put("session", session).put("madonvi", settings.unitCode()).put("service", service);
        params.forEach(body::put);
        return body;
    }

    private JsonNode post(String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .header("dstcode", settings.unitCode())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        BoundedHttp.Answer response;
        try {
            response = BoundedHttp.send(http, request, MAX_ANSWER_BYTES, settings.readTimeout());
        } catch (BoundedHttp.TooLarge e) {
            throw new TthcException.Permanent(path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TthcException.Transient(path + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TthcException.Transient(path + ": interrupted", e);
        }
        int status = response.status();
        if (status == 429 || status == 408 || status >= 500) {
            throw new TthcException.Transient(path + " answered HTTP " + status, null);
        }
        if (status == 401 || status == 403) {
            // some deployments say "session expired" with the HTTP status instead of error_code
            return JSON.createObjectNode().put("error_code", settings.sessionExpiredCodes().stream().findFirst().orElse(status))
                    .put("message", "HTTP " + status);
        }
        if (status >= 400) {
            throw new TthcException.Permanent(path + " answered HTTP " + status, null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new TthcException.Permanent(path + " answered malformed or truncated JSON: " + e.getMessage(), e);
        }
    }
}
