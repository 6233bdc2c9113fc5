package vn.govhub.outbox;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox (table {@code outbox}): a flow adds an entry in the same transaction as the change it
 * belongs to; a worker on any node claims due entries and marks them done, to retry later, or dead. An entry is
 * unique per (topic, dedupe key), so publishing the same event twice stores it once.
 */
@Repository
public class Outbox {

    public record Entry(long id, String topic, String aggregateId, String dedupeKey, String payload, int attempts) {
    }

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

    public List<Entry> due(String topic, int limit) {
        return jdbc.query("SELECT id, topic, aggregate_id, dedupe_key, payload, attempts FROM outbox WHERE topic = ? "
                        + "AND status = 'PENDING' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
                (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6)), topic, Timestamp.from(clock.instant()), limit);
    }

    /**
     * Takes the entry for {@code lease}: true for exactly one caller among nodes racing for it (the attempt count
     * acts as the version). If the taker dies, the entry is due again when the lease ends.
     */
    public boolean claim(Entry entry, Duration lease) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, updated_at = ? "
                        + "WHERE id = ? AND attempts = ? AND status = 'PENDING'", Timestamp.from(now.plus(lease)),
                Timestamp.from(now), entry.id(), entry.attempts()) == 1;
    }

    public void done(long id) {
        jdbc.update("UPDATE outbox SET status = 'DONE', last_error = NULL, updated_at = ? WHERE id = ?",
                Timestamp.from(clock.instant()), id);
    }

    public void retryAt(long id, Instant at, String error) {
        jdbc.update("UPDATE outbox SET next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?",
                Timestamp.from(at), truncate(error), Timestamp.from(clock.instant()), id);
    }

    public void dead(long id, String error) {
        jdbc.update("UPDATE outbox SET status = 'DEAD', last_error = ?, updated_at = ? WHERE id = ?", truncate(error),
                Timestamp.from(clock.instant()), id);
    }

    /** Whether an earlier entry of the same aggregate is still pending (entries of one aggregate go in order). */
    public boolean hasEarlierPending(String topic, String aggregateId, long id) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE topic = ? AND aggregate_id = ? AND id < ? "
                + "AND status = 'PENDING'", Integer.class, topic, aggregateId, id);
        return n != null && n > 0;
    }

    /** Puts an aggregate's dead entries back to pending, due now (an admin's replay); returns how many. */
    public int revive(String topic, String aggregateId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, updated_at = ? WHERE topic = ? "
                + "AND aggregate_id = ? AND status = 'DEAD'", now, now, topic, aggregateId);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }
}
