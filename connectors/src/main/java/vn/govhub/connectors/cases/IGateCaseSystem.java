package vn.govhub.connectors.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The iGate-style case-handling system (vn-egov.md §3b, VNPT and many provinces): an OAuth2 client-credentials token
 * from a Keycloak realm ({@code unitCode} names the realm), then JSON REST under {@code /pa/dossier}:
 * <pre>
 * POST {token}                     grant_type=client_credentials, client_id, client_secret → access_token, expires_in
 * GET  {search}?code=&amp;page=0&amp;size=1   → {"content":[{id, code, nationCode, applicant.data.fullname, procedure,
 *                                     dossierStatus{id,name}, appliedDate, appointmentDate, completedDate}], ...}
 * POST {dossiers}                  create; header Idempotency-Key = the hub's dossier id; 201 {id, code, dossierStatus}
 * PUT  {dossiers}/{id}             update (a resend after a crash, a supplement's documents)
 * POST {dossiers}/{id}/supplement  {id, note, submittedDate, attachment[]}: one supplement, deduped by its id
 * PUT  {dossiers}/{id}/withdraw    {reason}
 * </pre>
 * A forward searches the code first and updates what exists; a create answered 409 (the code exists: another node or
 * a crash got there first) is looked up and updated. A 401 renews the token once. Status callbacks are the search item
 * shape wrapped as {@code {"type":"DOSSIER_STATUS","data":[...]}}. Dates: ISO 8601 with offset. Paths (settings
 * {@code paths}): {@code token}, {@code search}, {@code dossiers}. Thread-safe.
 */
public class IGateCaseSystem implements CaseSystem {

    private final CaseSystemSettings settings;
    private final CaseHttp http;
    private final ClientCredentials token;
    private final String searchUrl;
    private final String dossiersUrl;

    public IGateCaseSystem(CaseSystemSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public IGateCaseSystem(CaseSystemSettings settings, Clock clock) {
        if (settings.unitCode() == null || settings.unitCode().isBlank()) {
            throw new IllegalArgumentException("iGate needs unit-code: the Keycloak realm");
        }
        this.settings = settings;
        this.http = new CaseHttp(settings);
        String tokenPath = settings.path("token", "/auth/realms/" + settings.unitCode() + "/protocol/openid-connect/token");
        this.token = new ClientCredentials(http, settings.baseUrl() + tokenPath, settings.clientId(), settings.clientSecret(),
                ClientCredentials.ClientAuth.FORM, clock);
        this.searchUrl = settings.baseUrl() + settings.path("search", "/pa/dossier/search");
        this.dossiersUrl = settings.baseUrl() + settings.path("dossiers", "/pa/dossier");
    }

    @Override
    public Forwarded forward(CaseDossier dossier) {
        Optional<JsonNode> existing = find(dossier.code());
        if (existing.isEmpty()) {
            CaseHttp.Answer created = call("create", dossiersUrl, "POST", body(dossier), dossier.dossierId());
            if (created.ok()) {
                JsonNode item = created.body();
                return new Forwarded(item.path("id").asText(null), false, status(item, dossier.code()));
            }
            if (created.status() != 409) {
                throw CaseHttp.refused("create", created);
            }
            existing = find(dossier.code()); // created meanwhile: update it instead
            if (existing.isEmpty()) {
                throw new CaseSystemException.Transient("create answered 409 but search does not find " + dossier.code(), null);
            }
        }
        String id = existing.get().path("id").asText();
        CaseHttp.Answer updated = call("update", dossiersUrl + "/" + encode(id), "PUT", body(dossier), dossier.dossierId());
        if (!updated.ok()) {
            throw CaseHttp.refused("update", updated);
        }
        JsonNode item = updated.body().has("dossierStatus") ? updated.body() : existing.get();
        return new Forwarded(id, true, status(item, dossier.code()));
    }

    @Override
    public void supplement(CaseDossier dossier, CaseDossier.Supplement supplement) {
        String id = find(dossier.code()).map(item -> item.path("id").asText())
                .orElseThrow(() -> new CaseSystemException.Permanent("supplement for " + dossier.code() + ", which iGate does not hold", null));
        ObjectNode body = CaseHttp.JSON.createObjectNode().put("id", supplement.id()).put("note", supplement.note())
                .put("submittedDate", WireDates.iso(supplement.submittedAt()));
        ArrayNode files = body.putArray("attachment");
        supplement.documents().forEach(doc -> files.add(attachment(doc)));
        CaseHttp.Answer answer = call("supplement", dossiersUrl + "/" + encode(id) + "/supplement", "POST", body, supplement.id());
        if (!answer.ok() && answer.status() != 409) { // 409: this supplement id is already there
            throw CaseHttp.refused("supplement", answer);
        }
    }

    @Override
    public Optional<CaseStatus> lookup(String code) {
        return find(code).map(item -> status(item, code));
    }

    @Override
    public boolean supportsWithdrawal() {
        return true;
    }

    @Override
    public void withdraw(String code, String reason) {
        String id = find(code).map(item -> item.path("id").asText())
                .orElseThrow(() -> new CaseSystemException.Permanent("withdrawal of " + code + ", which iGate does not hold", null));
        CaseHttp.Answer answer = call("withdraw", dossiersUrl + "/" + encode(id) + "/withdraw", "PUT",
                CaseHttp.JSON.createObjectNode().put("reason", reason), null);
        if (!answer.ok()) {
            throw CaseHttp.refused("withdraw", answer);
        }
    }

    @Override
    public List<CaseStatus> parseCallback(byte[] body) {
        JsonNode data = CaseHttp.parseJson(body, "callback").path("data");
        if (!data.isArray()) {
            throw new CaseSystemException.Permanent("callback has no data array", null);
        }
        List<CaseStatus> statuses = new ArrayList<>();
        for (JsonNode item : data) {
            String code = item.path("code").asText("");
            if (code.isBlank()) {
                throw new CaseSystemException.Permanent("callback item without code", null);
            }
            statuses.add(status(item, code));
        }
        return statuses;
    }

    // --- wire

    private Optional<JsonNode> find(String code) {
        CaseHttp.Answer answer = call("search", searchUrl + "?code=" + encode(code) + "&page=0&size=1", "GET", null, null);
        if (!answer.ok()) {
            throw CaseHttp.refused("search", answer);
        }
        for (JsonNode item : answer.body().path("content")) {
            if (code.equals(item.path("code").asText())) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private ObjectNode body(CaseDossier d) {
        ObjectNode item = CaseHttp.JSON.createObjectNode();
        item.put("code", d.code());
        item.putObject("procedure").put("code", d.procedureCode()).put("name", d.procedureName());
        item.putObject("sector").put("code", d.sectorCode()).put("name", d.sectorName());
        item.putObject("agency").put("code", d.agencyCode());
        ObjectNode applicant = item.putObject("applicant").putObject("data");
        applicant.put("fullname", d.applicant().name());
        applicant.put("identityNumber", d.applicant().idNumber());
        applicant.put("phoneNumber", d.applicant().phone());
        applicant.put("email", d.applicant().email());
        applicant.put("address", d.applicant().address());
        applicant.put("applicantType", d.applicant().type());
        item.putObject("applyMethod").put("id", 2).put("name", "Trực tuyến");
        item.putObject("dossierReceivingKind").put("id", d.returnMethod().wire())
                .put("address", d.postalAddress());
        String summary = d.summary() != null ? d.summary() : d.procedureName();
        item.put("description", summary != null && summary.length() > 1000 ? summary.substring(0, 1000) : summary);
        item.put("appliedDate", WireDates.iso(d.submittedAt()));
        item.put("appointmentDate", WireDates.iso(d.appointmentAt()));
        ObjectNode form = item.putObject("eForm").putObject("data");
        d.answers().forEach(form::put);
        ArrayNode files = item.putArray("attachment");
        d.documents().forEach(doc -> files.add(attachment(doc)));
        ArrayNode fees = item.putArray("fee");
        d.fees().forEach(fee -> fees.addObject().put("code", fee.code()).put("name", fee.name()).put("amount", fee.amount()));
        ArrayNode supplements = item.putArray("supplement");
        for (CaseDossier.Supplement s : d.supplements()) {
            ObjectNode node = supplements.addObject().put("id", s.id()).put("note", s.note()).put("submittedDate", WireDates.iso(s.submittedAt()));
            ArrayNode sFiles = node.putArray("attachment");
            s.documents().forEach(doc -> sFiles.add(attachment(doc)));
        }
        item.put("idempotencyKey", d.dossierId());
        settings.fields().applyTo(item);
        return item;
    }

    private static ObjectNode attachment(CaseDossier.Document doc) {
        return CaseHttp.JSON.createObjectNode().put("id", doc.id()).put("filename", doc.name()).put("group", doc.requirementCode())
                .put("mimetype", doc.contentType()).put("size", doc.size()).put("url", doc.url());
    }

    /** One authorised call; a 401 fetches a new token and tries once more. */
    private CaseHttp.Answer call(String what, String url, String method, JsonNode body, String idempotencyKey) {
        for (int attempt = 0; ; attempt++) {
            String bearer = token.get();
            HttpRequest.Builder request = http.request(url).header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", CaseHttp.JSON_TYPE);
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : CaseHttp.json(body));
            CaseHttp.Answer answer = http.send(request.build());
            if (answer.status() == 401 && attempt == 0) {
                token.invalidate(bearer);
                continue;
            }
            if (answer.status() == 401) {
                throw CaseHttp.refused(what, answer);
            }
            return answer;
        }
    }

    private static CaseStatus status(JsonNode item, String code) {
        JsonNode status = item.path("dossierStatus");
        String statusCode = status.path("id").asText(null);
        if (statusCode == null || statusCode.isBlank()) {
            throw new CaseSystemException.Permanent("dossier " + code + " without dossierStatus.id", null);
        }
        List<CaseStatus.Progress> progress = new ArrayList<>();
        JsonNode task = item.path("currentTask");
        if (task.isObject()) {
            progress.add(new CaseStatus.Progress(WireDates.fromIso(task.path("updatedDate").asText(null)),
                    task.path("assignee").path("fullname").asText(null), task.path("agency").path("name").asText(null),
                    task.path("name").asText(null), statusCode));
        }
        List<CaseStatus.ResultDocument> results = new ArrayList<>();
        for (JsonNode r : item.path("result")) {
            results.add(new CaseStatus.ResultDocument(r.path("filename").asText(null), r.path("url").asText(null)));
        }
        return new CaseStatus(code, statusCode.trim(), item.path("id").asText(null), item.path("nationCode").asText(null),
                WireDates.fromIso(item.path("appointmentDate").asText(null)), WireDates.fromIso(item.path("completedDate").asText(null)),
                item.path("additionalRequirement").asText(null), progress, results);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
