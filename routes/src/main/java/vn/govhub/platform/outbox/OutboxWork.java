package vn.govhub.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outbox's entries of one topic as the delivery engine's work: a JSON payload, keyed by the entry's aggregate,
 * claimed by bumping its attempt count (the version every later write is fenced on, so a node whose lease ran out
 * cannot overwrite the outcome of the node that took over).
 */
public final class OutboxWork implements DeliveryStore<JsonNode> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OutboxWork(String topic, JdbcTemplate jdbc, Clock clock) {
        this.topic = topic;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Work<JsonNode>> due(int limit) {
        return jdbc.query("SELECT id, aggregate_id, attempts, payload FROM outbox WHERE topic = ? AND status = 'PENDING' "
                        + "AND next_attempt_at <= ? ORDER BY id LIMIT ?",
                (rs, i) -> new Work<>(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(3), read(rs.getString(4))),
                topic, Timestamp.from(clock.instant()), limit);
    }

    @Override
    public boolean claim(Work<JsonNode> work, Duration lease) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, updated_at = ? "
                        + "WHERE id = ? AND attempts = ? AND status = 'PENDING'", Timestamp.from(now.plus(lease)),
                Timestamp.from(now), work.id(), work.version()) == 1;
    }

    @Override
    public boolean hasEarlierPending(Work<JsonNode> work) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE topic = ? AND aggregate_id = ? AND id < ? "
                + "AND status = 'PENDING'", Integer.class, topic, work.key(), work.id());
        return n != null && n > 0;
    }

    @Override
    public void done(Work<JsonNode> work) {
        jdbc.update("UPDATE outbox SET status = 'DONE', last_error = NULL, updated_at = ? WHERE id = ? AND attempts = ?",
                Timestamp.from(clock.instant()), work.id(), work.version());
    }

    @Override
    public void retryAt(Work<JsonNode> work, Instant at, Failure why) {
        String error = why.message();
        jdbc.update("UPDATE outbox SET next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND attempts = ? "
                        + "AND status = 'PENDING'", Timestamp.from(at), Outbox.truncate(error), Timestamp.from(clock.instant()),
                work.id(), work.version());
    }

    @Override
    public void dead(Work<JsonNode> work, Failure why) {
        String error = why.message();
        jdbc.update("UPDATE outbox SET status = 'DEAD', last_error = ?, updated_at = ? WHERE id = ? AND attempts = ?",
                Outbox.truncate(error), Timestamp.from(clock.instant()), work.id(), work.version());
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            return JSON.createObjectNode().put("unreadable", payload == null ? "" : payload);
        }
    }
}
