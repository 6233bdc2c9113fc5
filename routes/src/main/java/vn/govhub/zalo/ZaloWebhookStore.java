package vn.govhub.zalo;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.govhub.connectors.zalo.ZaloWebhookEvent;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The {@code zalo_webhook} table: deliveries kept before they are acknowledged, processed afterwards. */
@Repository
public class ZaloWebhookStore {

    public record Stored(long id, String province, boolean fromZns, byte[] body) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ZaloWebhookStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @throws org.springframework.dao.DuplicateKeyException for a redelivery of a kept event */
    public long insert(String province, ZaloWebhookEvent event, byte[] body) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("INSERT INTO zalo_webhook (province, dedupe_key, "
                    + "event_name, from_zns, body, status, received_at) VALUES (?, ?, ?, ?, ?, 'RECEIVED', ?)", new String[] {"id"});
            statement.setString(1, province);
            statement.setString(2, event.dedupeKey());
            statement.setString(3, event.eventName());
            statement.setBoolean(4, event.fromZns());
            statement.setString(5, new String(body, StandardCharsets.UTF_8));
            statement.setTimestamp(6, Timestamp.from(clock.instant()));
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<Stored> find(long id) {
        return jdbc.query("SELECT id, province, from_zns, body FROM zalo_webhook WHERE id = ?", (rs, i) ->
                new Stored(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        rs.getString(4).getBytes(StandardCharsets.UTF_8)), id).stream().findFirst();
    }

    /** Ids still waiting (after a crash, or when the immediate processing failed). */
    public List<Long> waiting(int limit) {
        return jdbc.queryForList("SELECT id FROM zalo_webhook WHERE status = 'RECEIVED' ORDER BY id LIMIT ?", Long.class, limit);
    }

    /** Takes the row for processing; false if another node or thread took it. Inside the processing transaction. */
    public boolean claim(long id) {
        return jdbc.update("UPDATE zalo_webhook SET status = 'DONE', processed_at = ? WHERE id = ? AND status = 'RECEIVED'",
                Timestamp.from(clock.instant()), id) == 1;
    }

    public void failed(long id, String error) {
        jdbc.update("UPDATE zalo_webhook SET status = 'FAILED', error = ?, processed_at = ? WHERE id = ?",
                error, Timestamp.from(clock.instant()), id);
    }
}
