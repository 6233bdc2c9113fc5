package vn.govhub.news;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import vn.govhub.model.NewsItem;
import vn.govhub.text.VietnameseText;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The news table. Writes only what changed: a new key is inserted, a known key whose content hash differs is
 * updated (with {@code updated_at}), an unchanged one costs no write. The unique constraint on
 * (province, source, key) is what makes an item stored once, whichever node polls.
 */
@Repository
public class NewsStore {

    /** What a store call did. */
    public record Outcome(int inserted, int updated, int unchanged) {
        public int writes() {
            return inserted + updated;
        }
    }

    /** A stored item as the API shows it. */
    public record StoredNews(long id, String province, String sourceId, String category, String title, String link,
                             String summaryHtml, String excerpt, String imageUrl, Instant publishedAt,
                             boolean dateFlagged, Instant createdAt, Instant updatedAt) {
    }

    /** Position after the last item of a page: newest first by (published_at, id). */
    public record Cursor(Instant publishedAt, long id) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public NewsStore(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores one source's items; items must all belong to {@code province}/{@code sourceId}. */
    public Outcome store(String province, String sourceId, List<NewsItem> items) {
        if (items.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        Map<String, String> known = knownHashes(province, sourceId, items.stream().map(NewsItem::key).toList());
        List<NewsItem> fresh = new ArrayList<>();
        List<NewsItem> changed = new ArrayList<>();
        for (NewsItem item : items) {
            String hash = known.get(item.key());
            if (hash == null) {
                fresh.add(item);
            } else if (!hash.equals(item.contentHash())) {
                changed.add(item);
            }
        }
        int inserted = 0;
        int updated = 0;
        if (!fresh.isEmpty()) {
            try {
                jdbc.batchUpdate(INSERT, fresh.stream().map(this::params).toArray(SqlParameterSource[]::new));
                inserted = fresh.size();
            } catch (DuplicateKeyException raced) {
                // another node stored some of them first: settle item by item
                for (NewsItem item : fresh) {
                    switch (storeOne(item)) {
                        case 1 -> inserted++;
                        case 2 -> updated++;
                        default -> { }
                    }
                }
            }
        }
        if (!changed.isEmpty()) {
            int[] counts = jdbc.batchUpdate(UPDATE, changed.stream().map(this::params).toArray(SqlParameterSource[]::new));
            for (int count : counts) {
                updated += Math.max(count, 0);
            }
        }
        return new Outcome(inserted, updated, items.size() - inserted - updated);
    }

    /** 1 inserted, 2 updated, 0 unchanged. */
    private int storeOne(NewsItem item) {
        try {
            jdbc.update(INSERT, params(item));
            return 1;
        } catch (DuplicateKeyException exists) {
            return jdbc.update(UPDATE, params(item)) > 0 ? 2 : 0;
        }
    }

    private Map<String, String> knownHashes(String province, String sourceId, List<String> keys) {
        Map<String, String> known = new HashMap<>();
        // bounded IN lists: portals list at most a few hundred items
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            jdbc.query("SELECT item_key, content_hash FROM news_item WHERE province = :province AND source_id = :source AND item_key IN (:keys)",
                    new MapSqlParameterSource().addValue("province", province).addValue("source", sourceId).addValue("keys", chunk),
                    rs -> {
                        known.put(rs.getString(1), rs.getString(2));
                    });
        }
        return known;
    }

    private static final String INSERT = """
            INSERT INTO news_item (province, source_id, item_key, category, title, link, summary_html, excerpt, image_url,
                                   published_at, date_flagged, content_hash, search_text, created_at, updated_at)
            VALUES (:province, :source, :key, :category, :title, :link, :summary, :excerpt, :image,
                    :published, :flagged, :hash, :search, :now, :now)""";

    private static final String UPDATE = """
            UPDATE news_item SET category = :category, title = :title, link = :link, summary_html = :summary,
                   excerpt = :excerpt, image_url = :image, content_hash = :hash, search_text = :search, updated_at = :now
             WHERE province = :province AND source_id = :source AND item_key = :key AND content_hash <> :hash""";

    private MapSqlParameterSource params(NewsItem item) {
        return new MapSqlParameterSource()
                .addValue("province", item.province())
                .addValue("source", item.sourceId())
                .addValue("key", item.key())
                .addValue("category", item.category())
                .addValue("title", item.title())
                .addValue("link", item.link())
                .addValue("summary", item.summaryHtml())
                .addValue("excerpt", item.excerpt())
                .addValue("image", item.imageUrl())
                .addValue("published", odt(item.publishedAt().truncatedTo(ChronoUnit.MICROS)))
                .addValue("flagged", item.dateFlagged())
                .addValue("hash", item.contentHash())
                .addValue("search", searchText(item.title(), item.excerpt()))
                .addValue("now", odt(clock.instant()));
    }

    static String searchText(String title, String excerpt) {
        String text = VietnameseText.fold(title + " " + (excerpt == null ? "" : excerpt));
        return text.length() > 3000 ? text.substring(0, 3000) : text;
    }

    /** Newest first, after {@code cursor} when given; fetches one extra row so the caller knows a next page exists. */
    public List<StoredNews> page(String province, String category, String query, Cursor cursor, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (province != null) {
            sql.append(" AND province = :province");
            params.addValue("province", province);
        }
        if (category != null) {
            sql.append(" AND category = :category");
            params.addValue("category", category);
        }
        if (query != null) {
            int i = 0;
            for (String word : VietnameseText.fold(query).split(" ")) {
                if (!word.isBlank()) {
                    sql.append(" AND search_text LIKE :w").append(i).append(" ESCAPE '\\'");
                    params.addValue("w" + i++, "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                }
            }
        }
        if (cursor != null) {
            sql.append(" AND (published_at < :cursorAt OR (published_at = :cursorAt AND id < :cursorId))");
            params.addValue("cursorAt", odt(cursor.publishedAt())).addValue("cursorId", cursor.id());
        }
        sql.append(" ORDER BY published_at DESC, id DESC LIMIT :limit");
        params.addValue("limit", limit + 1);
        return jdbc.query(sql.toString(), params, ROW);
    }

    public Optional<StoredNews> find(long id) {
        return jdbc.query(SELECT + " WHERE id = :id", Map.of("id", id), ROW).stream().findFirst();
    }

    /** Items stored per "province/source". */
    public Map<String, Long> countsBySource() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT province, source_id, COUNT(*) FROM news_item GROUP BY province, source_id", rs -> {
            counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
        });
        return counts;
    }

    private static final String SELECT = """
            SELECT id, province, source_id, category, title, link, summary_html, excerpt, image_url, published_at,
                   date_flagged, created_at, updated_at FROM news_item""";

    private static final RowMapper<StoredNews> ROW = (rs, n) -> new StoredNews(rs.getLong("id"), rs.getString("province"),
            rs.getString("source_id"), rs.getString("category"), rs.getString("title"), rs.getString("link"),
            rs.getString("summary_html"), rs.getString("excerpt"), rs.getString("image_url"),
            instant(rs.getObject("published_at", OffsetDateTime.class)), rs.getBoolean("date_flagged"),
            instant(rs.getObject("created_at", OffsetDateTime.class)), instant(rs.getObject("updated_at", OffsetDateTime.class)));

    private static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

}
