package vn.govhub.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.govhub.model.Procedure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The catalogue tables: procedures, their history, and the sync runs. */
@Repository
public class CatalogueStore {

    /** A stored procedure. */
    public record StoredProcedure(String province, String code, Procedure procedure, String status, OnlineLevel onlineLevel,
                                  String contentHash, Instant updatedAt, Instant withdrawnAt) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** One recorded sync run. */
    public record Run(long id, String province, String trigger, String status, Instant startedAt, Instant finishedAt,
                      int listed, int added, int changed, int withdrawn, int unchanged, int malformed, String error) {
    }

    /** One field that changed. */
    public record Change(String field, String oldValue, String newValue, Instant changedAt, long runId) {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;

    public CatalogueStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long startRun(String province, String trigger, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO catalogue_run (province, trigger_by, status, started_at) VALUES (:p, :t, 'RUNNING', :now)",
                new MapSqlParameterSource("p", province).addValue("t", trigger).addValue("now", odt(now)), key, new String[]{"id"});
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    public void finishRun(long id, String status, Instant now, int listed, int added, int changed, int withdrawn,
                          int unchanged, int malformed, String error) {
        jdbc.update("""
                UPDATE catalogue_run SET status = :s, finished_at = :now, listed = :l, added = :a, changed = :c,
                       withdrawn = :w, unchanged = :u, malformed = :m, error = :e WHERE id = :id""",
                new MapSqlParameterSource("s", status).addValue("now", odt(now)).addValue("l", listed).addValue("a", added)
                        .addValue("c", changed).addValue("w", withdrawn).addValue("u", unchanged).addValue("m", malformed)
                        .addValue("e", error == null ? null : error.substring(0, Math.min(error.length(), 4000))).addValue("id", id));
    }

    public List<Run> runs(String province, int limit) {
        return jdbc.query("SELECT * FROM catalogue_run WHERE (:p IS NULL OR province = :p) ORDER BY id DESC LIMIT :limit",
                new MapSqlParameterSource("p", province).addValue("limit", limit), (rs, n) -> new Run(rs.getLong("id"),
                        rs.getString("province"), rs.getString("trigger_by"), rs.getString("status"),
                        instant(rs.getObject("started_at", OffsetDateTime.class)), instant(rs.getObject("finished_at", OffsetDateTime.class)),
                        rs.getInt("listed"), rs.getInt("added"), rs.getInt("changed"), rs.getInt("withdrawn"),
                        rs.getInt("unchanged"), rs.getInt("malformed"), rs.getString("error")));
    }

    /** code → (status, hash, data) of every stored procedure of the province. */
    public Map<String, StoredProcedure> current(String province) {
        Map<String, StoredProcedure> current = new HashMap<>();
        for (StoredProcedure p : all(province)) {
            current.put(p.code(), p);
        }
        return current;
    }

    public List<StoredProcedure> all(String province) {
        return jdbc.query("SELECT province, code, status, online_level, content_hash, data, updated_at, withdrawn_at FROM procedure WHERE province = :p",
                Map.of("p", province), (rs, n) -> row(rs));
    }

    public Optional<StoredProcedure> find(String province, String code) {
        return jdbc.query("SELECT province, code, status, online_level, content_hash, data, updated_at, withdrawn_at FROM procedure WHERE province = :p AND code = :c",
                Map.of("p", province, "c", code), (rs, n) -> row(rs)).stream().findFirst();
    }

    public List<Change> history(String province, String code) {
        return jdbc.query("SELECT field, old_value, new_value, changed_at, run_id FROM procedure_history WHERE province = :p AND code = :c ORDER BY id",
                Map.of("p", province, "c", code), (rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs.getObject(4, OffsetDateTime.class)), rs.getLong(5)));
    }

    void insert(String province, Procedure procedure, String rawJson, String hash, OnlineLevel online, Instant now) {
        jdbc.update("""
                INSERT INTO procedure (province, code, name, status, online_level, content_hash, data, raw_json, created_at, updated_at, withdrawn_at)
                VALUES (:p, :c, :n, :s, :o, :h, :d, :r, :now, :now, :w)""",
                params(province, procedure, rawJson, hash, online, now));
    }

    void update(String province, Procedure procedure, String rawJson, String hash, OnlineLevel online, Instant now) {
        jdbc.update("""
                UPDATE procedure SET name = :n, status = :s, online_level = :o, content_hash = :h, data = :d, raw_json = :r,
                       updated_at = :now, withdrawn_at = :w WHERE province = :p AND code = :c""",
                params(province, procedure, rawJson, hash, online, now));
    }

    void withdraw(String province, String code, Instant now) {
        jdbc.update("UPDATE procedure SET status = 'WITHDRAWN', withdrawn_at = :now, updated_at = :now WHERE province = :p AND code = :c",
                new MapSqlParameterSource("p", province).addValue("c", code).addValue("now", odt(now)));
    }

    void setOnlineLevel(String province, String code, OnlineLevel online) {
        jdbc.update("UPDATE procedure SET online_level = :o WHERE province = :p AND code = :c",
                Map.of("p", province, "c", code, "o", online.name()));
    }

    void history(String province, String code, long runId, List<Change> changes, Instant now) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Change change : changes) {
            rows.add(new MapSqlParameterSource("p", province).addValue("c", code).addValue("r", runId).addValue("f", change.field())
                    .addValue("o", change.oldValue()).addValue("n", change.newValue()).addValue("now", odt(now)));
        }
        jdbc.batchUpdate("INSERT INTO procedure_history (province, code, run_id, field, old_value, new_value, changed_at) VALUES (:p, :c, :r, :f, :o, :n, :now)",
                rows.toArray(MapSqlParameterSource[]::new));
    }

    /** The top-level fields whose JSON differs between two versions of a procedure. */
    static List<Change> diff(Procedure before, Procedure after) {
        JsonNode a = JSON.valueToTree(before);
        JsonNode b = JSON.valueToTree(after);
        List<Change> changes = new ArrayList<>();
        for (Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!Objects.equals(a.get(field), b.get(field))) {
                changes.add(new Change(field, text(a.get(field)), text(b.get(field)), null, 0));
            }
        }
        return changes;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    static String json(Procedure procedure) {
        try {
            return JSON.writeValueAsString(procedure);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MapSqlParameterSource params(String province, Procedure procedure, String rawJson, String hash, OnlineLevel online, Instant now) {
        return new MapSqlParameterSource("p", province).addValue("c", procedure.code()).addValue("n", procedure.name())
                .addValue("s", procedure.active() ? "ACTIVE" : "WITHDRAWN").addValue("o", online.name()).addValue("h", hash)
                .addValue("d", json(procedure)).addValue("r", rawJson).addValue("now", odt(now))
                .addValue("w", procedure.active() ? null : odt(now));
    }

    private static StoredProcedure row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Procedure procedure;
        try {
            procedure = JSON.readValue(rs.getString("data"), Procedure.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored procedure " + rs.getString("code") + " is unreadable", e);
        }
        return new StoredProcedure(rs.getString("province"), rs.getString("code"), procedure, rs.getString("status"),
                OnlineLevel.valueOf(rs.getString("online_level")), rs.getString("content_hash"),
                instant(rs.getObject("updated_at", OffsetDateTime.class)), instant(rs.getObject("withdrawn_at", OffsetDateTime.class)));
    }

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
