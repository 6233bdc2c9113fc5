package vn.govhub.notify;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.govhub.zalo.DeliveryReceipts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code notification} table. A notification moves PENDING → SENDING (committed before the call to Zalo) →
 * SENT (with Zalo's message id) → DELIVERED (receipt webhook); or to FAILED / UNDELIVERABLE. The unique dedupe key
 * (event, recipient, channel) means a notification exists once; the SENDING state means it is sent at most once.
 */
@Repository
public class NotificationStore implements DeliveryReceipts {

    public enum Status { PENDING, SENDING, SENT, DELIVERED, FAILED, UNDELIVERABLE }

    public record Notification(long id, String province, String eventId, String kind, String recipient, String channel,
                               String address, String status, String text, String templateId, String templateData,
                               String msgId, Integer errorCode, String error, int attempts, Instant createdAt,
                               Instant sentAt, Instant deliveredAt) {

        /** template_data as values: ZNS parameters, or for an OA message the event's fields (for a fallback). */
        @SuppressWarnings("unchecked")
        public Map<String, String> templateValues() {
            try {
                return templateData == null ? Map.of() : VALUES.readValue(templateData, Map.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("template data of notification " + id + " is not JSON");
            }
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper VALUES = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A notification to create. */
    public record NewNotification(String province, String eventId, String kind, String recipient, String channel,
                                  String address, Status status, String text, String templateId, String templateData,
                                  String error) {
        String dedupeKey() {
            return eventId + "|" + recipient + "|" + channel;
        }
    }

    private static final RowMapper<Notification> ROW = (rs, i) -> new Notification(rs.getLong("id"),
            rs.getString("province"), rs.getString("event_id"), rs.getString("kind"), rs.getString("recipient"),
            rs.getString("channel"), rs.getString("address"), rs.getString("status"), rs.getString("text"),
            rs.getString("template_id"), rs.getString("template_data"), rs.getString("msg_id"),
            (Integer) rs.getObject("error_code"), rs.getString("error"), rs.getInt("attempts"),
            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")),
            instant(rs.getTimestamp("delivered_at")));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public NotificationStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the notification; false if its dedupe key exists (a replayed event, a second node). */
    public boolean create(NewNotification n) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("INSERT INTO notification (province, event_id, kind, recipient, channel, address, dedupe_key, status, "
                            + "text, template_id, template_data, error, attempts, next_attempt_at, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", n.province(), n.eventId(), n.kind(),
                    n.recipient(), n.channel(), n.address(), n.dedupeKey(), n.status().name(), n.text(), n.templateId(),
                    n.templateData(), n.error(), now, now, now);
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    public Optional<Notification> find(long id) {
        return jdbc.query("SELECT * FROM notification WHERE id = ?", ROW, id).stream().findFirst();
    }

    public List<Notification> due(int limit) {
        return jdbc.query("SELECT * FROM notification WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
                ROW, Timestamp.from(clock.instant()), limit);
    }

    /** PENDING → SENDING, committed by the caller before anything is sent; false if another node took it. */
    public boolean claim(long id, String claim) {
        return jdbc.update("UPDATE notification SET status = 'SENDING', claim = ?, attempts = attempts + 1, updated_at = ? "
                + "WHERE id = ? AND status = 'PENDING'", claim, Timestamp.from(clock.instant()), id) == 1;
    }

    public void sent(long id, String msgId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("UPDATE notification SET status = CASE WHEN status = 'DELIVERED' THEN 'DELIVERED' ELSE 'SENT' END, "
                + "msg_id = ?, sent_at = ?, error_code = NULL, error = NULL, updated_at = ? WHERE id = ?", msgId, now, now, id);
    }

    public void retryAt(long id, Instant at, Integer errorCode, String error) {
        jdbc.update("UPDATE notification SET status = 'PENDING', next_attempt_at = ?, error_code = ?, error = ?, updated_at = ? "
                + "WHERE id = ? AND status = 'SENDING'", Timestamp.from(at), errorCode, truncate(error),
                Timestamp.from(clock.instant()), id);
    }

    public void failed(long id, Integer errorCode, String error) {
        jdbc.update("UPDATE notification SET status = 'FAILED', error_code = ?, error = ?, updated_at = ? WHERE id = ?",
                errorCode, truncate(error), Timestamp.from(clock.instant()), id);
    }

    /**
     * A receipt: by tracking id ({@code n<id>}, ZNS) or Zalo's message id. Applies whatever the state, so a receipt
     * also settles a notification whose SENT was never committed (a crash after the call).
     */
    @Override
    public int delivered(String province, String trackingId, String msgId, Instant at) {
        Timestamp when = Timestamp.from(at);
        Timestamp now = Timestamp.from(clock.instant());
        Long id = parseTracking(trackingId);
        if (id != null) {
            return jdbc.update("UPDATE notification SET status = 'DELIVERED', delivered_at = ?, msg_id = COALESCE(msg_id, ?), "
                    + "error_code = NULL, error = NULL, updated_at = ? WHERE id = ? AND province = ? AND channel = 'ZNS'",
                    when, msgId, now, id, province);
        }
        if (msgId == null) {
            return 0;
        }
        return jdbc.update("UPDATE notification SET status = 'DELIVERED', delivered_at = ?, updated_at = ? "
                + "WHERE msg_id = ? AND province = ?", when, now, msgId, province);
    }

    /** SENDING rows older than the lease: their sender died between the call and the commit. */
    public int settleInterrupted(Instant olderThan) {
        return jdbc.update("UPDATE notification SET status = 'FAILED', error = ?, updated_at = ? "
                        + "WHERE status = 'SENDING' AND updated_at < ?",
                "Interrupted while sending (the hub stopped): not sent again automatically, as it may have reached the "
                        + "citizen; a delivery receipt settles it, or an admin replays it.",
                Timestamp.from(clock.instant()), Timestamp.from(olderThan));
    }

    public List<Notification> forRecipient(String province, String recipient, int limit) {
        return jdbc.query("SELECT * FROM notification WHERE province = ? AND recipient = ? AND status <> 'UNDELIVERABLE' "
                + "ORDER BY created_at DESC, id DESC LIMIT ?", ROW, province, recipient, limit);
    }

    public List<Notification> list(String province, String status, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM notification WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (province != null) {
            sql.append(" AND province = ?");
            args.add(province);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** Back to PENDING for one more round of attempts (an admin's decision). */
    public boolean replay(long id) {
        return jdbc.update("UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ? "
                + "WHERE id = ? AND status = 'FAILED' AND channel <> 'NONE'", Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant()), id) == 1;
    }

    public static String trackingId(long id) {
        return "n" + id;
    }

    private static Long parseTracking(String trackingId) {
        if (trackingId == null || !trackingId.startsWith("n")) {
            return null;
        }
        try {
            return Long.parseLong(trackingId.substring(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
