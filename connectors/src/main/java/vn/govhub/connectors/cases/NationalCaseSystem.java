package vn.govhub.connectors.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The national-portal style case-handling system (vn-egov.md §3a): the session login of §1 (header {@code dstcode},
 * {@code madonvi}), then services on one envelope endpoint — {@code DongBoHoSoMC} to push a dossier
 * ({@code isUpdating} "False" to create, "True" to update), {@code TraCuuHoSo} to look one up by {@code mahoso}.
 * A forward looks the code up first and updates what exists, so a resend after a crash never creates a second
 * dossier; the hub's dossier id travels as {@code IdempotencyKey} (field and header). Status callbacks come as
 * {@code CapNhatTienDoHoSoMC} envelopes. Withdrawal is an update with {@code TrangThaiHoSo} 7.
 *
 * <p>Paths (settings {@code paths}): {@code auth} ({@code /api/auth}), {@code integration} ({@code /api/integration}).
 * Dates on the wire: {@code yyyyMMddHHmmss}, Asia/Ho_Chi_Minh. Thread-safe.
 */
public class NationalCaseSystem implements CaseSystem {

    private static final ObjectMapper JSON = CaseHttp.JSON;
    /** {@code error_code} values meaning "log in again". */
    private static final List<Integer> SESSION_EXPIRED = List.of(401, 403);

    private final CaseSystemSettings settings;
    private final CaseHttp http;
    private final String authUrl;
    private final String integrationUrl;
    private volatile String session;

    public NationalCaseSystem(CaseSystemSettings settings) {
        this.settings = settings;
        this.http = new CaseHttp(settings);
        this.authUrl = settings.baseUrl() + settings.path("auth", "/api/auth");
        this.integrationUrl = settings.baseUrl() + settings.path("integration", "/api/integration");
    }

    @Override
    public Forwarded forward(CaseDossier dossier) {
        Optional<CaseStatus> existing = lookup(dossier.code());
        JsonNode answer = push(dossier, existing.isPresent(), null);
        String status = answer.path("result").path(0).path("TrangThaiHoSo").asText(null);
        CaseStatus reported = status == null ? existing.orElse(null)
                : new CaseStatus(dossier.code(), status, null, null, null, null, null, List.of(), List.of());
        return new Forwarded(existing.map(CaseStatus::localCode).orElse(null), existing.isPresent(), reported);
    }

    @Override
    public void supplement(CaseDossier dossier, CaseDossier.Supplement supplement) {
        push(dossier, true, null); // the dossier object carries every supplement sent so far, this one last
    }

    @Override
    public Optional<CaseStatus> lookup(String code) {
        ObjectNode request = envelope("TraCuuHoSo").put("mahoso", code);
        JsonNode result = call(request, null).path("result");
        if (!result.isArray() || result.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(status(result.get(0), code));
    }

    @Override
    public boolean supportsWithdrawal() {
        return true;
    }

    @Override
    public void withdraw(String code, String reason) {
        ObjectNode request = envelope("DongBoHoSoMC").put("isUpdating", "True");
        request.putArray("data").addObject().put("MaHoSo", code).put("TrangThaiHoSo", "7").put("LyDoRut", reason);
        call(request, null);
    }

    @Override
    public List<CaseStatus> parseCallback(byte[] body) {
        JsonNode data = CaseHttp.parseJson(body, "callback").path("data");
        if (!data.isArray()) {
            throw new CaseSystemException.Permanent("callback has no data array", null);
        }
        List<CaseStatus> statuses = new ArrayList<>();
        for (JsonNode item : data) {
            String code = item.path("MaHoSo").asText(null);
            if (code == null || code.isBlank()) {
                throw new CaseSystemException.Permanent("callback item without MaHoSo", null);
            }
            statuses.add(status(item, code));
        }
        return statuses;
    }

    // --- wire

    private JsonNode push(CaseDossier d, boolean updating, String statusOverride) {
        ObjectNode request = envelope("DongBoHoSoMC").put("isUpdating", updating ? "True" : "False");
        ObjectNode item = request.putArray("data").addObject();
        item.put("MaHoSo", d.code());
        item.put("IdempotencyKey", d.dossierId());
        item.put("MaTTHC", d.procedureCode());
        item.put("TenTTHC", d.procedureName());
        item.put("MaLinhVuc", d.sectorCode());
        item.put("TenLinhVuc", d.sectorName());
        item.put("MaCoQuan", d.agencyCode());
        item.put("KenhThucHien", 2);
        item.put("ChuHoSo", d.applicant().name());
        item.put("SoGiayToChuHoSo", d.applicant().idNumber());
        item.put("LoaiDoiTuong", d.applicant().type());
        item.put("SoDienThoai", d.applicant().phone());
        item.put("Email", d.applicant().email());
        item.put("DiaChi", d.applicant().address());
        String summary = d.summary() != null ? d.summary() : d.procedureName() != null ? d.procedureName() : d.procedureCode();
        item.put("TrichYeuHoSo", summary.length() > 1000 ? summary.substring(0, 1000) : summary);
        item.put("NgayTiepNhan", WireDates.compact(d.submittedAt()));
        item.put("NgayHenTra", WireDates.compact(d.appointmentAt()));
        item.put("TrangThaiHoSo", statusOverride == null ? "1" : statusOverride);
        item.put("HinhThuc", d.returnMethod().wire());
        if (d.postalAddress() != null) {
            item.put("DiaChiNhanKetQua", d.postalAddress());
        }
        ArrayNode documents = item.putArray("TaiLieuNop");
        for (CaseDossier.Document doc : d.documents()) {
            documents.add(document(doc));
        }
        ArrayNode fees = item.putArray("DanhSachLePhi");
        for (CaseDossier.Fee fee : d.fees()) {
            fees.addObject().put("TenPhiLePhi", fee.name()).put("MaPhiLePhi", fee.code()).put("Gia", fee.amount());
        }
        ArrayNode supplements = item.putArray("DanhSachHoSoBoSung");
        for (CaseDossier.Supplement s : d.supplements()) {
            ObjectNode node = supplements.addObject().put("MaBoSung", s.id()).put("NgayBoSung", WireDates.compact(s.submittedAt()))
                    .put("NoiDungBoSung", s.note());
            ArrayNode files = node.putArray("TaiLieuBoSung");
            s.documents().forEach(doc -> files.add(document(doc)));
        }
        item.putArray("DanhSachGiayToKetQua");
        d.answers().forEach((k, v) -> item.with("DuLieuBieuMau").put(k, v));
        settings.fields().applyTo(item);
        return call(request, d.dossierId());
    }

    private static ObjectNode document(CaseDossier.Document doc) {
        return JSON.createObjectNode().put("TepDinhKemId", doc.id()).put("TenTepDinhKem", doc.name())
                .put("MaThanhPhanHoSo", doc.requirementCode()).put("DuongDanTaiTepTin", doc.url());
    }

    private ObjectNode envelope(String service) {
        return JSON.createObjectNode().put("madonvi", settings.unitCode()).put("service", service);
    }

    /** Calls the integration endpoint with the current session; logs in again once if the session is refused. */
    private JsonNode call(ObjectNode request, String idempotencyKey) {
        for (int attempt = 0; ; attempt++) {
            String current = session();
            request.put("session", current);
            JsonNode answer = post(integrationUrl, request, idempotencyKey);
            int code = answer.path("error_code").asInt(-1);
            if (code == 0) {
                return answer;
            }
            if (SESSION_EXPIRED.contains(code) && attempt == 0) {
                synchronized (this) {
                    if (current.equals(session)) {
                        session = null;
                    }
                }
                continue;
            }
            throw new CaseSystemException.Permanent(request.path("service").asText() + " refused: error_code " + code
                    + " " + answer.path("message").asText(""), null);
        }
    }

    private synchronized String session() {
        if (session == null) {
            ObjectNode login = JSON.createObjectNode().put("username", settings.username()).put("password", settings.password());
            JsonNode answer = post(authUrl, login, null);
            String value = answer.path("session").asText(null);
            if (answer.path("error_code").asInt(-1) != 0 || value == null) {
                throw new CaseSystemException.Permanent("login refused: error_code " + answer.path("error_code").asText("?"), null);
            }
            session = value;
        }
        return session;
    }

    private JsonNode post(String url, JsonNode body, String idempotencyKey) {
        HttpRequest.Builder request = http.request(url).header("Content-Type", CaseHttp.JSON_TYPE)
                .header("dstcode", settings.unitCode()).POST(CaseHttp.json(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        CaseHttp.Answer answer = http.send(request.build());
        if (answer.status() != 200) {
            throw CaseHttp.refused(body.path("service").asText("login"), answer);
        }
        if (!answer.body().isObject()) {
            throw new CaseSystemException.Permanent("answer is not a JSON object", null);
        }
        return answer.body();
    }

    private static CaseStatus status(JsonNode item, String code) {
        String status = item.path("TrangThaiHoSo").asText(item.path("TrangThai").asText(null));
        if (status == null || status.isBlank()) {
            throw new CaseSystemException.Permanent("dossier " + code + " without TrangThaiHoSo", null);
        }
        List<CaseStatus.ResultDocument> results = new ArrayList<>();
        for (JsonNode r : item.path("DanhSachGiayToKetQua")) {
            results.add(new CaseStatus.ResultDocument(r.path("TenGiayTo").asText(null), r.path("DuongDanTaiTepTin").asText(null)));
        }
        List<CaseStatus.Progress> progress = new ArrayList<>();
        if (item.hasNonNull("NoiDungXuLy")) {
            progress.add(new CaseStatus.Progress(WireDates.fromCompact(item.path("ThoiDiemXuLy").asText(null)), item.path("NguoiXuLy").asText(null),
                    item.path("PhongBanXuLy").asText(null), item.path("NoiDungXuLy").asText(null), status));
        }
        return new CaseStatus(code, status.trim(), item.path("MaHoSoDiaPhuong").asText(null), item.path("MaHoSoQuocGia").asText(null),
                WireDates.fromCompact(item.path("NgayHenTra").asText(null)), WireDates.fromCompact(item.path("NgayTra").asText(null)),
                item.path("NoiDungYeuCauBoSung").asText(null), progress, results);
    }

}
