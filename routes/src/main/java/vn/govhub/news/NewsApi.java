package vn.govhub.news;

import vn.govhub.api.Params;
import org.springframework.stereotype.Component;
import vn.govhub.api.ApiException;
import vn.govhub.api.ApiException.FieldProblem;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.news.NewsStore.Cursor;
import vn.govhub.news.NewsStore.StoredNews;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What the mini app reads of the news: pages of items, one item with its share card, the sources' state. */
@Component("newsApi")
public class NewsApi {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    static final int MAX_QUERY = 200;
    static final int SHARE_DESCRIPTION = 200;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** An item in a list. */
    public record NewsSummary(long id, String province, String source, String category, String title, String excerpt,
                              String imageUrl, String link, String publishedAt, boolean dateEstimated) {
    }

    /** A page of items, newest first; {@code nextCursor} is null on the last page. */
    public record NewsPage(List<NewsSummary> items, String nextCursor) {
    }

    /** What Zalo's share sheet shows (zmp-sdk openShareSheet). */
    public record Share(String title, String description, String thumbnail, String link) {
    }

    /** One item in full. */
    public record NewsDetail(long id, String province, String source, String category, String title, String summaryHtml,
                             String excerpt, String imageUrl, String link, String publishedAt, boolean dateEstimated,
                             String updatedAt, Share share) {
    }

    /** One source's state for operators and the mini app's "sources" screen. */
    public record SourceView(String province, String source, String lastSuccessAt, String lastErrorAt, String lastError,
                             int consecutiveFailures, String nextAttemptAt, long itemsStored) {
    }

    private final NewsStore store;
    private final ProvinceRegistry provinces;
    private final NewsIngestor ingestor;

    public NewsApi(NewsStore store, ProvinceRegistry provinces, NewsIngestor ingestor) {
        this.store = store;
        this.provinces = provinces;
        this.ingestor = ingestor;
    }

    public NewsPage list(Params params) {
        List<FieldProblem> problems = new ArrayList<>();
        String province = params.text("province");
        if (province != null && provinces.find(province).filter(p -> p.enabled()).isEmpty()) {
            problems.add(new FieldProblem("province", "no province '" + province + "' is served here"));
        }
        String category = params.text("category");
        if (category != null && !SLUG.matcher(category).matches()) {
            problems.add(new FieldProblem("category", "must be lower-case letters, digits and dashes"));
        }
        String q = params.text("q");
        if (q != null && q.length() > MAX_QUERY) {
            problems.add(new FieldProblem("q", "must be at most " + MAX_QUERY + " characters"));
        }
        int limit = DEFAULT_LIMIT;
        String limitText = params.text("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
                if (limit < 1 || limit > MAX_LIMIT) {
                    problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("limit", "must be a whole number"));
            }
        }
        Cursor cursor = null;
        String cursorText = params.text("cursor");
        if (cursorText != null) {
            cursor = decodeCursor(cursorText);
            if (cursor == null) {
                problems.add(new FieldProblem("cursor", "is not a cursor this API gave out"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        List<StoredNews> rows = store.page(province, category, q, cursor, limit);
        boolean more = rows.size() > limit;
        List<StoredNews> page = more ? rows.subList(0, limit) : rows;
        String next = more ? encodeCursor(page.get(page.size() - 1)) : null;
        return new NewsPage(page.stream().map(NewsApi::summary).toList(), next);
    }

    public NewsDetail get(String id) {
        StoredNews news;
        try {
            news = store.find(Long.parseLong(id)).orElse(null);
        } catch (NumberFormatException e) {
            news = null;
        }
        if (news == null) {
            throw ApiException.notFound("No news item " + id + ".");
        }
        return new NewsDetail(news.id(), news.province(), news.sourceId(), news.category(), news.title(),
                news.summaryHtml(), news.excerpt(), news.imageUrl(), news.link(), news.publishedAt().toString(),
                news.dateFlagged(), news.updatedAt().toString(),
                new Share(news.title(), shorten(news.excerpt(), SHARE_DESCRIPTION), news.imageUrl(), news.link()));
    }

    public List<SourceView> sources() {
        Map<String, Long> counts = store.countsBySource();
        return ingestor.statuses().stream().map(s -> new SourceView(s.province(), s.source(), str(s.lastSuccessAt()),
                str(s.lastErrorAt()), s.lastError(), s.consecutiveFailures(), str(s.nextAttemptAt()),
                counts.getOrDefault(s.province() + "/" + s.source(), 0L))).toList();
    }

    private static NewsSummary summary(StoredNews n) {
        return new NewsSummary(n.id(), n.province(), n.sourceId(), n.category(), n.title(), n.excerpt(), n.imageUrl(),
                n.link(), n.publishedAt().toString(), n.dateFlagged());
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
    }

    static String encodeCursor(StoredNews last) {
        Instant at = last.publishedAt();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + last.id()).getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor decodeCursor(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 2) {
                return null;
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            return new Cursor(at, Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String str(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
