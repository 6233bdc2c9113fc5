package vn.govhub.feedback;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reports, their photos and history (tables of V6__feedback.sql). */
@Repository
public class FeedbackStore {

    /** A stored report. {@code contact} is the encrypted JSON of the sender's name, phone and e-mail. */
    public record Report(String id, String province, String reference, String channel, String owner, String category,
                         String title, String description, Double lat, Double lon, String address, String areaCode,
                         boolean anonymous, boolean publish, String contact, String attributes, String mediaUrl,
                         String agency, FeedbackStatus status, int paknState, String delivery, String ticket,
                         String claimedBy, String answer, Instant answeredAt, Instant dueAt, Instant escalatedAt, Instant agencyUpdatedAt,
                         String lastError, String idempotencyKey, String requestHash, Instant submittedAt, Instant updatedAt) {

        @Override
        public String toString() { // description, place and contact may identify the sender
            return "Report[" + reference + " " + province + "/" + agency + " " + status + "]";
        }
    }

    public record Photo(String id, String feedbackId, int position, String contentType, long size, String sha256) {
    }

    public record Step(String action, FeedbackStatus status, String agency, String actor, String note, Instant at) {
    }

    private static final String COLUMNS = "id, province, reference, channel, owner, category, title, description, lat, lon, "
            + "address, area_code, anonymous, publish, contact, attributes, media_url, agency, status, pakn_state, delivery, "
            + "ticket, claimed_by, answer, answered_at, due_at, escalated_at, agency_updated_at, last_error, idempotency_key, request_hash, "
            + "submitted_at, updated_at";

    private static final RowMapper<Report> REPORT = (rs, i) -> new Report(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), number(rs, 9), number(rs, 10),
            rs.getString(11), rs.getString(12), rs.getBoolean(13), rs.getBoolean(14), rs.getString(15), rs.getString(16),
            rs.getString(17), rs.getString(18), FeedbackStatus.valueOf(rs.getString(19)), rs.getInt(20), rs.getString(21),
            rs.getString(22), rs.getString(23), rs.getString(24), instant(rs, 25), instant(rs, 26), instant(rs, 27), instant(rs, 28),
            rs.getString(29), rs.getString(30), rs.getString(31), instant(rs, 32), instant(rs, 33));

    private final JdbcTemplate jdbc;

    public FeedbackStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Report r) {
        jdbc.update("INSERT INTO feedback (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.province(), r.reference(), r.channel(), r.owner(), r.category(),
                r.title(), r.description(), r.lat(), r.lon(), r.address(), r.areaCode(), r.anonymous(), r.publish(), r.contact(),
                r.attributes(), r.mediaUrl(), r.agency(), r.status().name(), r.paknState(), r.delivery(), r.ticket(), r.claimedBy(),
                r.answer(), ts(r.answeredAt()), ts(r.dueAt()), ts(r.escalatedAt()), ts(r.agencyUpdatedAt()), r.lastError(), r.idempotencyKey(), r.requestHash(),
                ts(r.submittedAt()), ts(r.updatedAt()));
    }

    public void insertPhoto(Photo p, byte[] content) {
        jdbc.update("INSERT INTO feedback_photo (id, feedback_id, position, content_type, size_bytes, sha256, content) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", p.id(), p.feedbackId(), p.position(), p.contentType(), p.size(), p.sha256(), content);
    }

    public void history(String feedbackId, String action, FeedbackStatus status, String agency, String actor, String note, Instant at) {
        jdbc.update("INSERT INTO feedback_history (feedback_id, action, status, agency, actor, note, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                feedbackId, action, status.name(), agency, actor, truncate(note, 4000), ts(at));
    }

    public long lastHistoryId(String feedbackId) {
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM feedback_history WHERE feedback_id = ?", Long.class, feedbackId);
        return id == null ? 0 : id;
    }

    public Optional<Report> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feedback WHERE id = ?", REPORT, id).stream().findFirst();
    }

    /** The report, its row locked until the caller's transaction ends. */
    public Optional<Report> lock(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feedback WHERE id = ? FOR UPDATE", REPORT, id).stream().findFirst();
    }

    public Optional<Report> byReference(String province, String reference) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feedback WHERE province = ? AND reference = ?", REPORT, province, reference)
                .stream().findFirst();
    }

    public Optional<Report> byIdempotencyKey(String province, String owner, String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feedback WHERE province = ? AND owner = ? AND idempotency_key = ?", REPORT,
                province, owner, key).stream().findFirst();
    }

    public List<Report> mine(String province, String owner, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feedback WHERE province = ? AND owner = ? ORDER BY submitted_at DESC LIMIT ?",
                REPORT, province, owner, limit);
    }

    public int sentSince(String province, String owner, Instant since) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM feedback WHERE province = ? AND owner = ? AND submitted_at >= ?",
                Integer.class, province, owner, ts(since));
        return n == null ? 0 : n;
    }

    /** Open reports of a category since {@code since} whose location lies in the given box (duplicate candidates). */
    public List<Report> nearby(String province, String category, Instant since, double minLat, double maxLat, double minLon, double maxLon) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feedback WHERE province = ? AND category = ? AND submitted_at >= ? "
                        + "AND status IN ('RECEIVED', 'IN_PROGRESS') AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
                        + "ORDER BY submitted_at DESC LIMIT 20", REPORT, province, category, ts(since), minLat, maxLat, minLon, maxLon);
    }

    /** Filtered lists for the admin inbox, the public board and Open311 (all conditions optional but province). */
    public record Filter(String province, List<String> agencies, List<FeedbackStatus> statuses, String category,
                         String delivery, Boolean overdue, Instant now, Boolean published, Instant from, Instant to, int limit) {
    }

    public List<Report> list(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM feedback WHERE province = ?");
        List<Object> args = new ArrayList<>(List.of(f.province()));
        in(sql, args, "agency", f.agencies());
        in(sql, args, "status", f.statuses() == null ? null : f.statuses().stream().map(Enum::name).toList());
        if (f.category() != null) {
            sql.append(" AND category = ?");
            args.add(f.category());
        }
        if (f.delivery() != null) {
            sql.append(" AND delivery = ?");
            args.add(f.delivery());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            sql.append(" AND due_at < ? AND status IN ('RECEIVED', 'IN_PROGRESS')");
            args.add(ts(f.now()));
        }
        if (Boolean.TRUE.equals(f.published())) {
            sql.append(" AND publish = TRUE");
        }
        if (f.from() != null) {
            sql.append(" AND submitted_at >= ?");
            args.add(ts(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND submitted_at <= ?");
            args.add(ts(f.to()));
        }
        sql.append(" ORDER BY submitted_at DESC LIMIT ?");
        args.add(f.limit());
        return jdbc.query(sql.toString(), REPORT, args.toArray());
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (values == null) {
            return;
        }
        if (values.isEmpty()) {
            sql.append(" AND 1 = 0");
            return;
        }
        sql.append(" AND ").append(column).append(" IN (").append("?, ".repeat(values.size() - 1)).append("?)");
        args.addAll(values);
    }

    public List<Photo> photos(String feedbackId) {
        return jdbc.query("SELECT id, feedback_id, position, content_type, size_bytes, sha256 FROM feedback_photo WHERE feedback_id = ? "
                + "ORDER BY position", (rs, i) -> new Photo(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getLong(5), rs.getString(6)), feedbackId);
    }

    public Optional<byte[]> photoContent(String photoId) {
        return jdbc.query("SELECT content FROM feedback_photo WHERE id = ?", (rs, i) -> rs.getBytes(1), photoId).stream().findFirst();
    }

    public Optional<Photo> photo(String photoId) {
        return jdbc.query("SELECT id, feedback_id, position, content_type, size_bytes, sha256 FROM feedback_photo WHERE id = ?",
                (rs, i) -> new Photo(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5), rs.getString(6)),
                photoId).stream().findFirst();
    }

    public List<Step> steps(String feedbackId) {
        return jdbc.query("SELECT action, status, agency, actor, note, at FROM feedback_history WHERE feedback_id = ? ORDER BY id",
                (rs, i) -> new Step(rs.getString(1), FeedbackStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6)), feedbackId);
    }

    public void update(String id, String agency, FeedbackStatus status, int paknState, String claimedBy, String answer,
                       Instant answeredAt, Instant dueAt, Instant now) {
        jdbc.update("UPDATE feedback SET agency = ?, status = ?, pakn_state = ?, claimed_by = ?, answer = ?, answered_at = ?, "
                        + "due_at = ?, updated_at = ? WHERE id = ?", agency, status.name(), paknState, claimedBy, truncate(answer, 4000),
                ts(answeredAt), ts(dueAt), ts(now), id);
    }

    public void delivery(String id, String delivery, String ticket, String lastError, Instant now) {
        jdbc.update("UPDATE feedback SET delivery = ?, ticket = COALESCE(?, ticket), last_error = ?, updated_at = ? WHERE id = ?",
                delivery, ticket, truncate(lastError, 2000), ts(now), id);
    }

    /** When the agency's system last reported, by its own clock (older reports are stale). */
    public void agencyUpdatedAt(String id, Instant at) {
        jdbc.update("UPDATE feedback SET agency_updated_at = ? WHERE id = ?", ts(at), id);
    }

    /** Counts a failed delivery while the agency's system was otherwise reachable; returns the count so far. */
    public int countFailure(String id, String error, Instant now) {
        jdbc.update("UPDATE feedback SET delivery_failures = delivery_failures + 1, last_error = ?, updated_at = ? WHERE id = ?",
                truncate(error, 2000), ts(now), id);
        Integer n = jdbc.queryForObject("SELECT delivery_failures FROM feedback WHERE id = ?", Integer.class, id);
        return n == null ? 0 : n;
    }

    public void resetFailures(String id) {
        jdbc.update("UPDATE feedback SET delivery_failures = 0 WHERE id = ?", id);
    }

    /** Marks overdue open reports as escalated; returns them (each once: only those not escalated before). */
    public List<Report> overdueNotEscalated(Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feedback WHERE due_at < ? AND escalated_at IS NULL "
                + "AND status IN ('RECEIVED', 'IN_PROGRESS') ORDER BY due_at LIMIT ?", REPORT, ts(now), limit);
    }

    /** True for exactly one caller (a node that briefly thinks it leads too finds the row taken). */
    public boolean escalate(String id, Instant now) {
        return jdbc.update("UPDATE feedback SET escalated_at = ?, updated_at = ? WHERE id = ? AND escalated_at IS NULL",
                ts(now), ts(now), id) == 1;
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
