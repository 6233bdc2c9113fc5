package vn.govhub.connectors.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** {@code error_code} values meaning "log in again". */
    private static final List<Integer> SESSION_EXPIRED = List.of(401, 403);

    private final CaseSystemSettings settings;
    private final HttpClient http;
    private final String authUrl;
    private final String integrationUrl;
    private volatile String session;

    public NationalCaseSystem(CaseSystemSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
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
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new CaseSystemException.Permanent("callback is not JSON", e);
        }
        JsonNode data = root == null ? null : root.path("data");
        if (data == null || !data.isArray()) {
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
        item.put("NgayTiepNhan", wire(d.submittedAt()));
        item.put("NgayHenTra", wire(d.appointmentAt()));
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
            ObjectNode node = supplements.addObject().put("MaBoSung", s.id()).put("NgayBoSung", wire(s.submittedAt()))
                    .put("NoiDungBoSung", s.note());
            ArrayNode files = node.putArray("TaiLieuBoSung");
            s.documents().forEach(doc -> files.add(document(doc)));
        }
        item.putArray("DanhSachGiayToKetQua");
        d.answers().forEach((k, v) -> item.with("DuLieuBieuMau").put(k, v));
        applyFieldMapping(item);
        return call(request, d.dossierId());
    }

    private static ObjectNode document(CaseDossier.Document doc) {
        return JSON.createObjectNode().put("TepDinhKemId", doc.id()).put("TenTepDinhKem", doc.name())
                .put("MaThanhPhanHoSo", doc.requirementCode()).put("DuongDanTaiTepTin", doc.url());
    }

    private void applyFieldMapping(ObjectNode item) {
        settings.fields().rename().forEach((from, to) -> {
            JsonNode value = item.remove(from);
            if (value != null) {
                item.set(to, value);
            }
        });
        settings.fields().constants().forEach(item::put);
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
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.readTimeout())
                    .header("Content-Type", "application/json; charset=UTF-8").header("dstcode", settings.unitCode())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new CaseSystemException.Permanent("request cannot be written", e);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new CaseSystemException.Transient("timed out after " + settings.readTimeout(), e);
        } catch (IOException e) {
            throw new CaseSystemException.Transient("unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseSystemException.Transient("interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429 || status == 408) {
            throw new CaseSystemException.Transient("HTTP " + status, null);
        }
        if (status != 200) {
            throw new CaseSystemException.Permanent("HTTP " + status, null);
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (answer == null || !answer.isObject()) {
                throw new CaseSystemException.Permanent("answer is not a JSON object", null);
            }
            return answer;
        } catch (IOException e) {
            throw new CaseSystemException.Permanent("answer is not JSON", e);
        }
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
            progress.add(new CaseStatus.Progress(instant(item.path("ThoiDiemXuLy").asText(null)), item.path("NguoiXuLy").asText(null),
                    item.path("PhongBanXuLy").asText(null), item.path("NoiDungXuLy").asText(null), status));
        }
        return new CaseStatus(code, status.trim(), item.path("MaHoSoDiaPhuong").asText(null), item.path("MaHoSoQuocGia").asText(null),
                instant(item.path("NgayHenTra").asText(null)), instant(item.path("NgayTra").asText(null)),
                item.path("NoiDungYeuCauBoSung").asText(null), progress, results);
    }

    static String wire(Instant instant) {
        return instant == null ? null : WIRE.format(instant.atZone(VIETNAM));
    }

    static Instant instant(String wire) {
        if (wire == null || wire.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(wire.trim(), WIRE).atZone(VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

}
