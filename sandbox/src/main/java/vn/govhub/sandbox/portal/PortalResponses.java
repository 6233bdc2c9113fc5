package vn.govhub.sandbox.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The HTTP side of the portals: the JSON index, feeds, HTML lists, articles and benchmark feeds, each answered with the
 * validators (ETag, Last-Modified) a real portal's cache sends, and 304 when the request already holds the
 * current body. The hub's poller relies on conditional GET to stay cheap, so the rules here follow RFC 9110
 * closely rather than whatever is simplest.
 */
final class PortalResponses {

    static final String HTML_TYPE = "text/html; charset=UTF-8";
    static final String NOT_FOUND_PAGE = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
            + "<title>404</title></head><body><h1>Không tìm thấy trang</h1></body></html>";
    private static final String RSS_TYPE = "application/rss+xml; charset=UTF-8";
    private static final String ATOM_TYPE = "application/atom+xml; charset=UTF-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The two syndication formats every portal serves. */
    enum FeedFormat {
        RSS(RSS_TYPE, FeedWriter::rss), ATOM(ATOM_TYPE, FeedWriter::atom);

        final String contentType;
        final Function<FeedWriter.Snapshot, byte[]> writer;

        FeedFormat(String contentType, Function<FeedWriter.Snapshot, byte[]> writer) {
            this.contentType = contentType;
            this.writer = writer;
        }
    }

    private final Instant baseInstant;
    private final Map<Integer, Rendered> benchFeeds = new ConcurrentHashMap<>();

    /** @param baseInstant what the benchmark feeds' content is computed from */
    PortalResponses(Instant baseInstant) {
        this.baseInstant = baseInstant;
    }

    /** The JSON index: the simulator's name and one entry per portal. */
    static ResponseDefinition index(String simulator, List<Map<String, String>> portals) {
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("simulator", simulator, "portals", portals));
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ResponseDefinition feed(Request request, PortalState s, FeedFormat format, String base) {
        Rendered feed = s.rendered(format.name(), base, items ->
                format.writer.apply(new FeedWriter.Snapshot(s.portal(), items, s.lastModified(), base)));
        return conditional(request, feed, format.contentType);
    }

    ResponseDefinition list(Request request, PortalState s, String base) {
        QueryParameter pageParameter = request.queryParameter("page");
        int page;
        try {
            page = pageParameter.isPresent() ? Integer.parseInt(pageParameter.firstValue().strip()) : 1;
        } catch (NumberFormatException e) {
            return notFound();
        }
        int pages = HtmlListWriter.pageCount(s.size());
        if (page < 1 || page > pages) {
            return notFound();
        }
        Rendered html = s.rendered("html-" + page, base, items -> HtmlListWriter.render(s.portal(), items, page));
        return conditional(request, html, HTML_TYPE);
    }

    /**
     * Benchmark feed {@code /bench/n/rss.xml}, {@code n < count}. Its content never changes, so it is rendered
     * once per base URL and shared by every thread.
     */
    ResponseDefinition bench(Request request, String base, int count) {
        String segment = request.getUrl().replaceFirst("\\?.*$", "").split("/")[2];
        int n;
        try {
            n = Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return notFound();
        }
        if (!segment.equals(Integer.toString(n)) || n >= count) {
            return notFound(); // one address per feed: no /bench/007/
        }
        Rendered feed = benchFeeds.get(n);
        if (feed == null || !feed.baseUrl().equals(base)) {
            // rendered at most a few times over when requests race; the result is the same every time
            List<NewsItem> items = BenchFeeds.items(n, baseInstant);
            Instant lastModified = items.get(0).published();
            byte[] body = FeedWriter.rss(new FeedWriter.Snapshot(BenchFeeds.portal(n), items, lastModified, base));
            feed = Rendered.of(0, base, body, lastModified);
            benchFeeds.put(n, feed);
        }
        return conditional(request, feed, RSS_TYPE);
    }

    ResponseDefinition article(Request request, PortalState s) {
        String path = request.getUrl().replaceFirst("\\?.*$", "");
        Optional<NewsItem> found = s.find(path);
        if (found.isEmpty()) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(404)
                    .withHeader("Content-Type", HTML_TYPE)
                    .withBody("<!DOCTYPE html><html lang=\"vi\"><body><h1>Bài viết không tồn tại hoặc đã bị gỡ"
                            + "</h1></body></html>").build();
        }
        NewsItem item = found.get();
        String html = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"UTF-8\"><title>"
                + Text.html(item.title()) + " - " + Text.html(s.portal().name()) + "</title></head>\n<body>"
                + "<article><h1>" + Text.html(item.title()) + "</h1><p class=\"date\">"
                + FeedWriter.rfc822(item.published()) + "</p><p class=\"category\">"
                + Text.html(item.categoryLabel()) + "</p><img src=\"" + Text.html(item.imagePath()) + "\" alt=\"\">"
                + "<p>" + Text.html(item.summary()) + "</p></article></body></html>\n";
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", HTML_TYPE)
                .withBody(html.getBytes(StandardCharsets.UTF_8)).build();
    }

    /** The rendered body with its validators, or 304 when the request already holds it. */
    private static ResponseDefinition conditional(Request request, Rendered rendered, String contentType) {
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
                .withHeader("ETag", rendered.etag())
                .withHeader("Last-Modified", httpDate(rendered.lastModified()))
                .withHeader("Cache-Control", "public, max-age=60");
        if (notModified(request, rendered)) {
            return response.withStatus(304).build();
        }
        return response.withStatus(200).withHeader("Content-Type", contentType).withBody(rendered.body()).build();
    }

    private static ResponseDefinition notFound() {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(404)
                .withHeader("Content-Type", HTML_TYPE).withBody(NOT_FOUND_PAGE).build();
    }

    /** RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison); else If-Modified-Since. */
    private static boolean notModified(Request request, Rendered feed) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(feed.etag())) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeader("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                Instant since = DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince.strip(), Instant::from);
                return !feed.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // an invalid date is ignored
            }
        }
        return false;
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
