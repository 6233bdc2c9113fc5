package vn.govhub.dossier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Dossiers, their files, history, supplements and tracking-code counters (tables of V5__dossiers.sql). */
@Repository
public class DossierStore {

    public record Dossier(String id, String province, String trackingCode, String owner, String procedureCode,
                          String procedureName, DossierStatus status, String backendStatus, String localCode,
                          String applicant, String applicantMasked, String answers, String returnMethod,
                          String postalAddress, String documentCase, String supplementRequest, Instant appointmentAt,
                          Instant completedAt, String results, String idempotencyKey, String requestHash,
                          int forwardFailures, String lastError, Instant submittedAt, Instant updatedAt) {
    }

    public record FileRow(String id, String province, String owner, String fileName, String contentType, long size,
                          String sha256, String dossierId, String supplementId, String requirementCode,
                          Instant createdAt, boolean purged) {
    }

    public record History(long id, DossierStatus status, String backendStatus, String note, Instant at) {
    }

    public record Supplement(String id, String dossierId, String note, String status, Instant submittedAt, Instant sentAt) {
    }

    private static final String DOSSIER_COLUMNS = "id, province, tracking_code, owner, procedure_code, procedure_name, "
            + "status, backend_status, local_code, applicant, applicant_masked, answers, return_method, postal_address, "
            + "document_case, supplement_request, appointment_at, completed_at, results, idempotency_key, request_hash, "
            + "forward_failures, last_error, submitted_at, updated_at";
    private static final String FILE_COLUMNS = "id, province, owner, file_name, content_type, size_bytes, sha256, "
            + "dossier_id, supplement_id, requirement_code, created_at, purged_at";

    private static final RowMapper<Dossier> DOSSIER = (rs, i) -> new Dossier(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), DossierStatus.valueOf(rs.getString(7)),
            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
            rs.getString(14), rs.getString(15), rs.getString(16), instant(rs, 17), instant(rs, 18), rs.getString(19),
            rs.getString(20), rs.getString(21), rs.getInt(22), rs.getString(23), instant(rs, 24), instant(rs, 25));
    private static final RowMapper<FileRow> FILE = (rs, i) -> new FileRow(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
            rs.getString(9), rs.getString(10), instant(rs, 11), rs.getTimestamp(12) != null);

    private final JdbcTemplate jdbc;

    public DossierStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- files

    public void insertFile(FileRow file, byte[] content) {
        jdbc.update("INSERT INTO dossier_file (id, province, owner, file_name, content_type, size_bytes, sha256, content, "
                        + "dossier_id, supplement_id, requirement_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                file.id(), file.province(), file.owner(), file.fileName(), file.contentType(), file.size(), file.sha256(),
                content, file.dossierId(), file.supplementId(), file.requirementCode(), ts(file.createdAt()));
    }

    public Optional<FileRow> file(String id) {
        return jdbc.query("SELECT " + FILE_COLUMNS + " FROM dossier_file WHERE id = ?", FILE, id).stream().findFirst();
    }

    public List<FileRow> files(String dossierId) {
        return jdbc.query("SELECT " + FILE_COLUMNS + " FROM dossier_file WHERE dossier_id = ? ORDER BY created_at, id",
                FILE, dossierId);
    }

    public Optional<byte[]> content(String fileId) {
        return jdbc.query("SELECT content FROM dossier_file WHERE id = ? AND purged_at IS NULL",
                (rs, i) -> rs.getBytes(1), fileId).stream().findFirst();
    }

    /** Gives an upload to a dossier (or a supplement); false if it is gone or already taken. */
    public boolean attach(String fileId, String owner, String dossierId, String supplementId, String requirementCode) {
        return jdbc.update("UPDATE dossier_file SET dossier_id = ?, supplement_id = ?, requirement_code = ? "
                + "WHERE id = ? AND owner = ? AND dossier_id IS NULL", dossierId, supplementId, requirementCode, fileId, owner) == 1;
    }

    public int deleteUnclaimedBefore(Instant before) {
        return jdbc.update("DELETE FROM dossier_file WHERE dossier_id IS NULL AND created_at < ?", ts(before));
    }

    /** Empties the attachments of dossiers that ended before {@code before} in {@code province}. */
    public int purgeEndedBefore(String province, Instant before, Instant now) {
        return jdbc.update("UPDATE dossier_file SET content = NULL, purged_at = ? WHERE purged_at IS NULL AND dossier_id IN "
                + "(SELECT id FROM dossier WHERE province = ? AND ended_at IS NOT NULL AND ended_at < ?)", ts(now), province, ts(before));
    }

    // --- dossiers

    public void insert(Dossier d) {
        jdbc.update("INSERT INTO dossier (" + DOSSIER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.province(), d.trackingCode(), d.owner(), d.procedureCode(), d.procedureName(), d.status().name(),
                d.backendStatus(), d.localCode(), d.applicant(), d.applicantMasked(), d.answers(), d.returnMethod(),
                d.postalAddress(), d.documentCase(), d.supplementRequest(), ts(d.appointmentAt()), ts(d.completedAt()),
                d.results(), d.idempotencyKey(), d.requestHash(), d.forwardFailures(), d.lastError(), ts(d.submittedAt()),
                ts(d.updatedAt()));
    }

    public Optional<Dossier> find(String id) {
        return jdbc.query("SELECT " + DOSSIER_COLUMNS + " FROM dossier WHERE id = ?", DOSSIER, id).stream().findFirst();
    }

    /** The dossier locked for update (the caller's transaction). */
    public Optional<Dossier> lock(String id) {
        return jdbc.query("SELECT " + DOSSIER_COLUMNS + " FROM dossier WHERE id = ? FOR UPDATE", DOSSIER, id).stream().findFirst();
    }

    public Optional<Dossier> byTrackingCode(String code) {
        return jdbc.query("SELECT " + DOSSIER_COLUMNS + " FROM dossier WHERE tracking_code = ?", DOSSIER, code).stream().findFirst();
    }

    public Optional<Dossier> byIdempotencyKey(String province, String owner, String key) {
        return jdbc.query("SELECT " + DOSSIER_COLUMNS + " FROM dossier WHERE province = ? AND owner = ? AND idempotency_key = ?",
                DOSSIER, province, owner, key).stream().findFirst();
    }

    public List<Dossier> mine(String province, String owner, int limit) {
        return jdbc.query("SELECT " + DOSSIER_COLUMNS + " FROM dossier WHERE province = ? AND owner = ? "
                + "ORDER BY submitted_at DESC, id DESC LIMIT ?", DOSSIER, province, owner, limit);
    }

    public List<Dossier> byStatus(String province, DossierStatus status, int limit) {
        if (province == null) {
            return jdbc.query("SELECT " + DOSSIER_COLUMNS + " FROM dossier WHERE status = ? ORDER BY updated_at, id LIMIT ?",
                    DOSSIER, status.name(), limit);
        }
        return jdbc.query("SELECT " + DOSSIER_COLUMNS + " FROM dossier WHERE province = ? AND status = ? "
                + "ORDER BY updated_at, id LIMIT ?", DOSSIER, province, status.name(), limit);
    }

    /** Open dossiers of a province, least recently polled first. */
    public List<Dossier> toPoll(String province, int limit) {
        return jdbc.query("SELECT " + DOSSIER_COLUMNS + " FROM dossier WHERE province = ? AND status IN "
                + "('FORWARDED', 'RECEIVED', 'IN_PROGRESS', 'NEEDS_SUPPLEMENT', 'RESULT_READY') "
                + "ORDER BY polled_at NULLS FIRST, submitted_at LIMIT ?", DOSSIER, province, limit);
    }

    public void polled(String id, Instant at) {
        jdbc.update("UPDATE dossier SET polled_at = ? WHERE id = ?", ts(at), id);
    }

    public void updateStatus(String id, DossierStatus status, String backendStatus, String localCode,
                             String supplementRequest, Instant appointmentAt, Instant completedAt, String results, Instant now) {
        jdbc.update("UPDATE dossier SET status = ?, backend_status = COALESCE(?, backend_status), local_code = COALESCE(?, local_code), "
                        + "supplement_request = ?, appointment_at = COALESCE(?, appointment_at), "
                        + "completed_at = COALESCE(?, completed_at), results = COALESCE(?, results), last_error = NULL, "
                        + "ended_at = ?, updated_at = ? WHERE id = ?",
                status.name(), backendStatus, localCode, supplementRequest, ts(appointmentAt), ts(completedAt), results,
                status.ended() ? ts(now) : null, ts(now), id);
    }

    public int countFailure(String id, String error, Instant now) {
        jdbc.update("UPDATE dossier SET forward_failures = forward_failures + 1, last_error = ?, updated_at = ? WHERE id = ?",
                truncate(error), ts(now), id);
        return jdbc.queryForObject("SELECT forward_failures FROM dossier WHERE id = ?", Integer.class, id);
    }

    public void noteError(String id, String error, Instant now) {
        jdbc.update("UPDATE dossier SET last_error = ?, updated_at = ? WHERE id = ?", truncate(error), ts(now), id);
    }

    public void markForwardFailed(String id, String error, Instant now) {
        jdbc.update("UPDATE dossier SET status = 'FORWARD_FAILED', last_error = ?, updated_at = ? WHERE id = ?",
                truncate(error), ts(now), id);
    }

    public void resetFailures(String id, DossierStatus status, Instant now) {
        jdbc.update("UPDATE dossier SET status = ?, forward_failures = 0, updated_at = ? WHERE id = ?", status.name(), ts(now), id);
    }

    public long count(String province) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE province = ?", Long.class, province);
    }

    // --- history and supplements

    public void history(String dossierId, DossierStatus status, String backendStatus, String note, Instant at) {
        jdbc.update("INSERT INTO dossier_history (dossier_id, status, backend_status, note, at) VALUES (?, ?, ?, ?, ?)",
                dossierId, status.name(), backendStatus, truncate(note), ts(at));
    }

    public List<History> history(String dossierId) {
        return jdbc.query("SELECT id, status, backend_status, note, at FROM dossier_history WHERE dossier_id = ? ORDER BY id",
                (rs, i) -> new History(rs.getLong(1), DossierStatus.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), instant(rs, 5)), dossierId);
    }

    public long lastHistoryId(String dossierId) {
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM dossier_history WHERE dossier_id = ?", Long.class, dossierId);
        return id == null ? 0 : id;
    }

    public void insertSupplement(Supplement s) {
        jdbc.update("INSERT INTO dossier_supplement (id, dossier_id, note, status, submitted_at) VALUES (?, ?, ?, ?, ?)",
                s.id(), s.dossierId(), s.note(), s.status(), ts(s.submittedAt()));
    }

    public List<Supplement> supplements(String dossierId) {
        return jdbc.query("SELECT id, dossier_id, note, status, submitted_at, sent_at FROM dossier_supplement "
                        + "WHERE dossier_id = ? ORDER BY submitted_at, id",
                (rs, i) -> new Supplement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5), instant(rs, 6)), dossierId);
    }

    public void supplementStatus(String id, String status, Instant at) {
        jdbc.update("UPDATE dossier_supplement SET status = ?, sent_at = ? WHERE id = ?", status, ts(at), id);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
