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
 * The provincial integration platform (LGSP) document sync (vn-egov.md §3c): an OAuth2 client-credentials token from
 * {@code /token} (client id and secret in HTTP Basic, as its API gateway expects), then
 * <pre>
 * POST /Document/SyncDocument        one document {DocCode, DocTypeCode, DocTypeName, AgencyCode, CitizenName,
 *                                    ApplicantsId, DateReceived, DateAppointed, Status, HasSupplementary, Attachments,
 *                                    DocFees, DocPapers, Supplementaries, ...} → {"ErrorCode":0,"Data":{DocCode,
 *                                    LocalCode, Status, Created}}
 * GET  /Document/GetDocument?docCode= → {"ErrorCode":0,"Data":{...}|null}
 * </pre>
 * SyncDocument is an upsert keyed on {@code DocCode}: sending the same dossier again updates it, so a resend after a
 * crash can never create a second one, and a supplement is the same document sent again with its
 * {@code Supplementaries}. The hub's dossier id travels as {@code Idempotency-Key} (header). LGSP has no withdrawal.
 * Progress arrives as {@code UpdateDocumentTraces} bodies (one document or an array) on the hub's callback endpoint.
 * Business errors are a non-zero {@code ErrorCode}. Dates {@code yyyyMMddHHmmss}, Asia/Ho_Chi_Minh. Paths (settings
 * {@code paths}): {@code token}, {@code sync}, {@code get}. Thread-safe.
 */
public class LgspCaseSystem implements CaseSystem {

    private final CaseSystemSettings settings;
    private final CaseHttp http;
    private final ClientCredentials token;
    private final String syncUrl;
    private final String getUrl;

    public LgspCaseSystem(CaseSystemSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public LgspCaseSystem(CaseSystemSettings settings, Clock clock) {
        this.settings = settings;
        this.http = new CaseHttp(settings);
        this.token = new ClientCredentials(http, settings.baseUrl() + settings.path("token", "/token"), settings.clientId(),
                settings.clientSecret(), ClientCredentials.ClientAuth.BASIC, clock);
        this.syncUrl = settings.baseUrl() + settings.path("sync", "/Document/SyncDocument");
        this.getUrl = settings.baseUrl() + settings.path("get", "/Document/GetDocument");
    }

    @Override
    public Forwarded forward(CaseDossier dossier) {
        JsonNode data = sync(dossier);
        return new Forwarded(data.path("LocalCode").asText(null), !data.path("Created").asBoolean(true), status(data, dossier.code()));
    }

    @Override
    public void supplement(CaseDossier dossier, CaseDossier.Supplement supplement) {
        sync(dossier); // the document carries every supplement sent so far, this one last
    }

    @Override
    public Optional<CaseStatus> lookup(String code) {
        JsonNode data = business("GetDocument", call(getUrl + "?docCode=" + URLEncoder.encode(code, StandardCharsets.UTF_8), null, null))
                .path("Data");
        return data.isObject() ? Optional.of(status(data, code)) : Optional.empty();
    }

    @Override
    public boolean supportsWithdrawal() {
        return false;
    }

    @Override
    public void withdraw(String code, String reason) {
        throw new CaseSystemException.Permanent("LGSP document sync has no withdrawal", null);
    }

    @Override
    public List<CaseStatus> parseCallback(byte[] body) {
        JsonNode root;
        try {
            root = CaseHttp.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new CaseSystemException.Permanent("callback is not JSON", e);
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new CaseSystemException.Permanent("callback is neither a document nor a list of documents", null);
        }
        List<CaseStatus> statuses = new ArrayList<>();
        for (JsonNode doc : root.isArray() ? root : List.of(root)) {
            String code = doc.path("DocCode").asText("");
            if (code.isBlank()) {
                throw new CaseSystemException.Permanent("callback document without DocCode", null);
            }
            statuses.add(status(doc, code));
        }
        return statuses;
    }

    // --- wire

    private JsonNode sync(CaseDossier d) {
        return business("SyncDocument", call(syncUrl, document(d), d.dossierId())).path("Data");
    }

    private ObjectNode document(CaseDossier d) {
        ObjectNode doc = CaseHttp.JSON.createObjectNode();
        doc.put("DocCode", d.code());
        doc.put("DocTypeCode", d.procedureCode());
        doc.put("DocTypeName", d.procedureName());
        doc.put("FieldCode", d.sectorCode());
        doc.put("FieldName", d.sectorName());
        doc.put("AgencyCode", settings.unitCode() != null ? settings.unitCode() : d.agencyCode());
        doc.put("ReceivingAgencyCode", d.agencyCode());
        doc.put("CitizenName", d.applicant().name());
        doc.put("ApplicantsId", d.applicant().idNumber());
        doc.put("ApplicantType", d.applicant().type());
        doc.put("PhoneNumber", d.applicant().phone());
        doc.put("Email", d.applicant().email());
        doc.put("Address", d.applicant().address());
        String summary = d.summary() != null ? d.summary() : d.procedureName();
        doc.put("Summary", summary != null && summary.length() > 1000 ? summary.substring(0, 1000) : summary);
        doc.put("Channel", 2);
        doc.put("DateReceived", WireDates.compact(d.submittedAt()));
        doc.put("DateAppointed", WireDates.compact(d.appointmentAt()));
        doc.put("Status", "0");
        doc.put("ReturnMethod", d.returnMethod().wire());
        doc.put("ReturnAddress", d.postalAddress());
        doc.put("HasSupplementary", !d.supplements().isEmpty());
        ArrayNode attachments = doc.putArray("Attachments");
        d.documents().forEach(f -> attachments.add(attachment(f)));
        ArrayNode papers = doc.putArray("DocPapers");
        d.documents().stream().map(CaseDossier.Document::requirementCode).distinct()
                .forEach(code -> papers.addObject().put("PaperCode", code));
        ArrayNode fees = doc.putArray("DocFees");
        d.fees().forEach(fee -> fees.addObject().put("FeeCode", fee.code()).put("FeeName", fee.name()).put("Amount", fee.amount()));
        ArrayNode supplements = doc.putArray("Supplementaries");
        for (CaseDossier.Supplement s : d.supplements()) {
            ObjectNode node = supplements.addObject().put("SupplementId", s.id()).put("DateSupplemented", WireDates.compact(s.submittedAt()))
                    .put("Note", s.note());
            ArrayNode files = node.putArray("Attachments");
            s.documents().forEach(f -> files.add(attachment(f)));
        }
        ObjectNode form = doc.putObject("FormData");
        d.answers().forEach(form::put);
        settings.fields().applyTo(doc);
        return doc;
    }

    private static ObjectNode attachment(CaseDossier.Document f) {
        return CaseHttp.JSON.createObjectNode().put("FileId", f.id()).put("FileName", f.name()).put("PaperCode", f.requirementCode())
                .put("ContentType", f.contentType()).put("Size", f.size()).put("Url", f.url());
    }

    /** One authorised call (POST when there is a body, else GET); a 401 fetches a new token and tries once more. */
    private CaseHttp.Answer call(String url, JsonNode body, String idempotencyKey) {
        for (int attempt = 0; ; attempt++) {
            String bearer = token.get();
            HttpRequest.Builder request = http.request(url).header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", CaseHttp.JSON_TYPE).POST(CaseHttp.json(body));
            }
            CaseHttp.Answer answer = http.send(request.build());
            if (answer.status() == 401 && attempt == 0) {
                token.invalidate(bearer);
                continue;
            }
            return answer;
        }
    }

    private static JsonNode business(String what, CaseHttp.Answer answer) {
        if (!answer.ok()) {
            throw CaseHttp.refused(what, answer);
        }
        int code = answer.body().path("ErrorCode").asInt(-1);
        if (code != 0) {
            throw new CaseSystemException.Permanent(what + " refused: ErrorCode " + answer.body().path("ErrorCode").asText("?")
                    + " " + answer.body().path("Message").asText(""), null);
        }
        return answer.body();
    }

    private static CaseStatus status(JsonNode doc, String code) {
        String status = doc.path("Status").asText("");
        if (status.isBlank()) {
            throw new CaseSystemException.Permanent("document " + code + " without Status", null);
        }
        List<CaseStatus.Progress> progress = new ArrayList<>();
        for (JsonNode t : doc.path("Traces")) {
            progress.add(new CaseStatus.Progress(WireDates.fromCompact(t.path("TraceDate").asText(null)), t.path("ProcessorName").asText(null),
                    t.path("DepartmentName").asText(null), t.path("Content").asText(null), t.path("Status").asText(status)));
        }
        List<CaseStatus.ResultDocument> results = new ArrayList<>();
        for (JsonNode r : doc.path("Results")) {
            results.add(new CaseStatus.ResultDocument(r.path("FileName").asText(null), r.path("Url").asText(null)));
        }
        return new CaseStatus(code, status.trim(), doc.path("LocalCode").asText(null), doc.path("NationalCode").asText(null),
                WireDates.fromCompact(doc.path("DateAppointed").asText(null)), WireDates.fromCompact(doc.path("DateReturned").asText(null)),
                doc.path("SupplementRequest").asText(null), progress, results);
    }
}
