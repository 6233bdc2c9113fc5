package vn.govhub.platform.outbox;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * The transactional outbox (table {@code outbox}): a flow adds an entry in the same transaction as the change it
 * belongs to, and the {@link DeliveryEngine} of the entry's topic delivers it ({@link OutboxWork}). An entry is unique
 * per (topic, dedupe key), so publishing the same event twice stores it once.
 */
@Repository
public class Outbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds an entry (joins the caller's transaction); false if one with the same topic and dedupe key exists. */
    public boolean add(String topic, String aggregateId, String dedupeKey, String payload) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("INSERT INTO outbox (topic, aggregate_id, dedupe_key, payload, status, attempts, next_attempt_at, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)", topic, aggregateId, dedupeKey,
                    payload, now, now, now);
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    /** The topic's work for its delivery engine. */
    public OutboxWork work(String topic) {
        return new OutboxWork(topic, jdbc, clock);
    }

    /** Puts an aggregate's dead entries back to pending, due now (an admin's replay); returns how many. */
    public int revive(String topic, String aggregateId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, updated_at = ? WHERE topic = ? "
                + "AND aggregate_id = ? AND status = 'DEAD'", now, now, topic, aggregateId);
    }

    static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }
}
