package vn.govhub.sandbox.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import vn.govhub.sandbox.Simulator;

/**
 * Provincial news portals ("Thông tin chính quyền") serving RSS 2.0 and Atom 1.0 with conditional GET.
 *
 * <pre>
 * GET /                                  JSON index of the portals and their feed URLs
 * GET /{portal}/rss.xml                  RSS 2.0, application/rss+xml; charset=UTF-8
 * GET /{portal}/atom.xml                 Atom 1.0, application/atom+xml; charset=UTF-8
 * GET /{portal}/tin-tuc[?page=n]         the HTML news list, 10 items a page (see {@link HtmlListWriter})
 * GET /{portal}/tin-tuc/{slug}-{id}.html the article page each item links to
 * GET /{portal}/uploads/...jpg           the illustrations the descriptions refer to
 * GET /broken/{case}.rss                 feeds that always fail one way ({@link #brokenCases()})
 * GET /bench/{n}/rss.xml                 benchmark sources, 50 items each ({@link #benchUrl(int)})
 * </pre>
 * Portals: {@code tayninh}, {@code dongnai}, {@code longan}, and {@code binhphuoc}, whose RSS is valid but
 * quirky (relative links, few guids, an item without pubDate, numeric character references). Content is
 * generated from fixed seeds and the base instant, so every run serves the same feeds; edits are stamped by
 * the clock, never earlier than one second after the previous change, so Last-Modified always moves forward.
 */
public final class PortalSimulator extends Simulator {

    /** 2 June 2025, 08:30 in Vietnam. */
    public static final Instant DEFAULT_BASE_INSTANT = Instant.parse("2025-06-02T01:30:00Z");

    /** How long {@code /broken/slow-drip.rss} takes to send its body, unless {@link #setSlowDripTotal} says. */
    public static final Duration DEFAULT_SLOW_DRIP_TOTAL = Duration.ofSeconds(30);

    /** How long {@code /broken/timeout.rss} waits before answering, unless {@link #setTimeoutDelay} says. */
    public static final Duration DEFAULT_TIMEOUT_DELAY = Duration.ofSeconds(60);

    /** A portal front page keeps this many items; older ones drop off as new ones are published. */
    static final int MAX_ITEMS = 50;

    private static final String RSS_TYPE = "application/rss+xml; charset=UTF-8";
    private static final String ATOM_TYPE = "application/atom+xml; charset=UTF-8";
    private static final String HTML_TYPE = "text/html; charset=UTF-8";
    private static final String NOT_FOUND_PAGE = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
            + "<title>404</title></head><body><h1>Không tìm thấy trang</h1></body></html>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant baseInstant;
    private final Clock clock;
    private final Map<String, PortalState> portals = new LinkedHashMap<>();
    private final BrokenFeeds broken;
    private volatile Duration slowDripTotal = DEFAULT_SLOW_DRIP_TOTAL;
    private volatile Duration timeoutDelay = DEFAULT_TIMEOUT_DELAY;
    private volatile int benchFeedCount = BenchFeeds.DEFAULT_COUNT;
    private final Map<Integer, Rendered> benchFeeds = new ConcurrentHashMap<>();

    /** On a free port, with the default base instant and a clock fixed at it. */
    public PortalSimulator() {
        this(0);
    }

    public PortalSimulator(int port) {
        this(port, DEFAULT_BASE_INSTANT, Clock.fixed(DEFAULT_BASE_INSTANT, ZoneOffset.UTC));
    }

    /**
     * @param port        0 for a free port
     * @param baseInstant the initial news is published before this instant
     * @param clock       stamps publications and edits (the demo profile passes the system clock)
     */
    public PortalSimulator(int port, Instant baseInstant, Clock clock) {
        super("portal", port);
        this.baseInstant = Objects.requireNonNull(baseInstant, "baseInstant");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (NewsCatalogue.Portal portal : NewsCatalogue.PORTALS) {
            portals.put(portal.id(), new PortalState(portal));
        }
        this.broken = new BrokenFeeds(baseInstant);
        resetState();
    }

    // ---- addresses

    /** Portal ids, e.g. {@code tayninh}. */
    public List<String> portals() {
        return List.copyOf(portals.keySet());
    }

    /** E.g. "Cổng thông tin điện tử tỉnh Tây Ninh". */
    public String portalName(String portal) {
        return state(portal).portal.name();
    }

    public String indexUrl() {
        return baseUrl() + "/";
    }

    public String rssUrl(String portal) {
        return baseUrl() + "/" + state(portal).portal.id() + "/rss.xml";
    }

    public String atomUrl(String portal) {
        return baseUrl() + "/" + state(portal).portal.id() + "/atom.xml";
    }

    /** The portal's HTML news list, first page: {@code http://127.0.0.1:<port>/tayninh/tin-tuc}. */
    public String listUrl(String portal) {
        return listUrl(portal, 1);
    }

    /** A page of the HTML news list, 1-based; pages hold {@value HtmlListWriter#PAGE_SIZE} items. */
    public String listUrl(String portal, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages start at 1: " + page);
        }
        return baseUrl() + "/" + state(portal).portal.id() + "/tin-tuc" + (page == 1 ? "" : "?page=" + page);
    }

    /**
     * The date pattern ({@link java.time.format.DateTimeFormatter}) that reads the portal's HTML list dates, or
     * null when its form ({@code Thứ sáu, 09/02/2024 15:00}) needs the hub's built-in Vietnamese forms.
     */
    public String listDatePattern(String portal) {
        return state(portal).portal.listDates().pattern;
    }

    /**
     * The broken feeds' names, for {@link #brokenUrl(String)}: {@code malformed}, {@code html-as-rss},
     * {@code doctype-bomb}, {@code xxe}, {@code huge}, {@code not-found}, {@code server-error},
     * {@code slow-drip}, {@code timeout}, {@code wrong-encoding}, {@code empty}.
     */
    public List<String> brokenCases() {
        return BrokenFeeds.CASES;
    }

    /** E.g. {@code brokenUrl("xxe")} is {@code http://127.0.0.1:<port>/broken/xxe.rss}; see the README. */
    public String brokenUrl(String name) {
        if (!BrokenFeeds.CASES.contains(name)) {
            throw new IllegalArgumentException("no broken case '" + name + "', known: " + BrokenFeeds.CASES);
        }
        return baseUrl() + "/broken/" + name + ".rss";
    }

    /**
     * How long {@code /broken/slow-drip.rss} takes to send its body ({@value BrokenFeeds#DRIP_CHUNKS} pieces,
     * evenly spread); {@link #DEFAULT_SLOW_DRIP_TOTAL} until set. Kept across {@link #reset()}.
     */
    public void setSlowDripTotal(Duration total) {
        this.slowDripTotal = requirePositive(total, "total");
    }

    /**
     * How long {@code /broken/timeout.rss} waits before it answers (with a valid feed);
     * {@link #DEFAULT_TIMEOUT_DELAY} until set. Kept across {@link #reset()}. The wait holds one of the
     * server's ten threads, so keep it short where many requests may come.
     */
    public void setTimeoutDelay(Duration delay) {
        this.timeoutDelay = requirePositive(delay, "delay");
    }

    /** Feed {@code n} of the benchmark sources, {@code 0 <= n < benchFeedCount()}: {@code .../bench/7/rss.xml}. */
    public String benchUrl(int n) {
        int count = benchFeedCount;
        if (n < 0 || n >= count) {
            throw new IllegalArgumentException("bench feeds are 0.." + (count - 1) + ": " + n);
        }
        return baseUrl() + "/bench/" + n + "/rss.xml";
    }

    /** How many benchmark feeds answer; 100 until set. */
    public int benchFeedCount() {
        return benchFeedCount;
    }

    /** Sets how many benchmark feeds answer ({@code /bench/0} to {@code /bench/count-1}); kept across reset. */
    public void setBenchFeedCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        this.benchFeedCount = count;
    }

    private static Duration requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be between 1 ms and Integer.MAX_VALUE ms: " + d);
        }
        return d;
    }

    /** The item's absolute URL, which is also its RSS guid and Atom id. */
    public String link(NewsItem item) {
        return baseUrl() + item.path();
    }

    // ---- content

    /** The portal's items, newest first. */
    public List<NewsItem> items(String portal) {
        PortalState s = state(portal);
        synchronized (s) {
            return List.copyOf(s.items);
        }
    }

    /** When the portal's content last changed; the feeds' Last-Modified. */
    public Instant lastModified(String portal) {
        PortalState s = state(portal);
        synchronized (s) {
            return s.lastModified;
        }
    }

    /** Publishes a new item at the top of the portal's feeds. */
    public NewsItem publish(String portal, NewsItemSeed seed) {
        Objects.requireNonNull(seed, "seed");
        PortalState s = state(portal);
        synchronized (s) {
            Instant at = s.nextChangeInstant();
            long id = s.items.stream().mapToLong(NewsItem::id).max().orElse(s.portal.firstId()) + 1;
            NewsItem item = NewsCatalogue.item(s.portal, id, seed, at, id % 2 == 0);
            s.items.add(0, item);
            if (s.items.size() > MAX_ITEMS) {
                s.items.remove(s.items.size() - 1);
            }
            s.changed(at);
            return item;
        }
    }

    public NewsItem publish(String portal, String title, String summary, String category) {
        return publish(portal, new NewsItemSeed(title, summary, category));
    }

    /** Retitles the item at this position (0 = newest); its address and guid stay. */
    public NewsItem editItem(String portal, int index, String newTitle) {
        return edit(portal, items -> {
            if (index < 0 || index >= items.size()) {
                throw new IndexOutOfBoundsException("portal " + portal + " has " + items.size() + " items");
            }
            return index;
        }, newTitle);
    }

    /** Retitles the item with this guid (its absolute link, or just its path); its address and guid stay. */
    public NewsItem editItem(String portal, String guid, String newTitle) {
        return edit(portal, items -> indexOf(items, guid).orElseThrow(
                () -> new IllegalArgumentException("no item " + guid + " on portal " + portal)), newTitle);
    }

    /** Takes the item with this guid off the portal; false when there was none. */
    public boolean removeItem(String portal, String guid) {
        PortalState s = state(portal);
        synchronized (s) {
            Optional<Integer> index = indexOf(s.items, guid);
            index.ifPresent(i -> {
                s.items.remove((int) i);
                s.changed(s.nextChangeInstant());
            });
            return index.isPresent();
        }
    }

    private NewsItem edit(String portal, Function<List<NewsItem>, Integer> find, String newTitle) {
        String title = Text.clean(Objects.requireNonNull(newTitle, "newTitle"));
        if (title.isEmpty()) {
            throw new IllegalArgumentException("title is blank");
        }
        PortalState s = state(portal);
        synchronized (s) {
            int index = find.apply(s.items);
            Instant at = s.nextChangeInstant();
            NewsItem edited = s.items.get(index).withTitle(title, at);
            s.items.set(index, edited);
            s.changed(at);
            return edited;
        }
    }

    private Optional<Integer> indexOf(List<NewsItem> items, String guid) {
        String path = guid.startsWith("http") ? guid.replaceFirst("^https?://[^/]+", "") : guid;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path().equals(path)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Back to the initial content of every portal. */
    @Override
    protected void resetState() {
        for (PortalState s : portals.values()) {
            synchronized (s) {
                s.items.clear();
                s.items.addAll(NewsCatalogue.initialItems(s.portal, baseInstant));
                s.changed(s.items.get(0).published());
            }
        }
    }

    // ---- HTTP

    @Override
    protected void registerStubs() {
        stub(get(urlPathEqualTo("/")), request -> index());
        for (PortalState s : portals.values()) {
            String id = s.portal.id();
            stub(get(urlPathEqualTo("/" + id + "/rss.xml")), request -> feed(request, s, Format.RSS));
            stub(get(urlPathEqualTo("/" + id + "/atom.xml")), request -> feed(request, s, Format.ATOM));
            stub(get(urlPathMatching("/" + id + "/tin-tuc/?")), request -> list(request, s));
            stub(get(urlPathMatching("/" + id + "/tin-tuc/[^/]+\\.html")), request -> article(request, s));
            stub(get(urlPathMatching("/" + id + "/uploads/.+\\.jpg")).willReturn(aResponse()
                    .withHeader("Content-Type", "image/jpeg")
                    .withHeader("Cache-Control", "public, max-age=86400")
                    .withBody(Illustration.JPEG)));
        }
        stub(get(urlPathMatching("/bench/\\d+/rss\\.xml")), this::benchFeed);
        stub(get(urlPathMatching("/bench/\\d+/uploads/.+\\.jpg")).willReturn(aResponse()
                .withHeader("Content-Type", "image/jpeg")
                .withHeader("Cache-Control", "public, max-age=86400")
                .withBody(Illustration.JPEG)));
        for (String name : BrokenFeeds.CASES) {
            stub(get(urlPathEqualTo("/broken/" + name + ".rss")),
                    request -> broken.respond(name, baseUrl(), slowDripTotal, timeoutDelay));
        }
        stub(any(anyUrl()).atPriority(100).willReturn(aResponse()
                .withStatus(404)
                .withHeader("Content-Type", HTML_TYPE)
                .withBody(NOT_FOUND_PAGE)));
    }

    private enum Format {
        RSS(RSS_TYPE, FeedWriter::rss), ATOM(ATOM_TYPE, FeedWriter::atom);

        final String contentType;
        final Function<FeedWriter.Snapshot, byte[]> writer;

        Format(String contentType, Function<FeedWriter.Snapshot, byte[]> writer) {
            this.contentType = contentType;
            this.writer = writer;
        }
    }

    private ResponseDefinition feed(Request request, PortalState s, Format format) {
        String base = baseUrl();
        Rendered feed = s.rendered(format.name(), base,
                items -> format.writer.apply(new FeedWriter.Snapshot(s.portal, items, s.lastModified, base)));
        return conditional(request, feed, format.contentType);
    }

    private ResponseDefinition list(Request request, PortalState s) {
        QueryParameter pageParameter = request.queryParameter("page");
        int page;
        try {
            page = pageParameter.isPresent() ? Integer.parseInt(pageParameter.firstValue().strip()) : 1;
        } catch (NumberFormatException e) {
            return notFound();
        }
        int pages;
        synchronized (s) {
            pages = HtmlListWriter.pageCount(s.items.size());
        }
        if (page < 1 || page > pages) {
            return notFound();
        }
        Rendered html = s.rendered("html-" + page, baseUrl(), items -> HtmlListWriter.render(s.portal, items, page));
        return conditional(request, html, HTML_TYPE);
    }

    private ResponseDefinition benchFeed(Request request) {
        String segment = request.getUrl().replaceFirst("\\?.*$", "").split("/")[2];
        int n;
        try {
            n = Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return notFound();
        }
        if (!segment.equals(Integer.toString(n)) || n >= benchFeedCount) {
            return notFound(); // one address per feed: no /bench/007/
        }
        String base = baseUrl();
        Rendered feed = benchFeeds.get(n);
        if (feed == null || !feed.baseUrl.equals(base)) {
            // rendered at most a few times over when requests race; the result is the same every time
            List<NewsItem> items = BenchFeeds.items(n, baseInstant);
            Instant lastModified = items.get(0).published();
            byte[] body = FeedWriter.rss(new FeedWriter.Snapshot(BenchFeeds.portal(n), items, lastModified, base));
            feed = new Rendered(0, base, body, etag(body), lastModified);
            benchFeeds.put(n, feed);
        }
        return conditional(request, feed, RSS_TYPE);
    }

    /** The rendered body with its validators, or 304 when the request already holds it. */
    private static ResponseDefinition conditional(Request request, Rendered rendered, String contentType) {
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
                .withHeader("ETag", rendered.etag)
                .withHeader("Last-Modified", httpDate(rendered.lastModified))
                .withHeader("Cache-Control", "public, max-age=60");
        if (notModified(request, rendered)) {
            return response.withStatus(304).build();
        }
        return response.withStatus(200).withHeader("Content-Type", contentType).withBody(rendered.body).build();
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
                if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(feed.etag)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeader("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                Instant since = DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince.strip(), Instant::from);
                return !feed.lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // an invalid date is ignored
            }
        }
        return false;
    }

    private ResponseDefinition article(Request request, PortalState s) {
        String path = request.getUrl().replaceFirst("\\?.*$", "");
        Optional<NewsItem> found;
        synchronized (s) {
            found = indexOf(s.items, path).map(s.items::get);
        }
        if (found.isEmpty()) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(404)
                    .withHeader("Content-Type", "text/html; charset=UTF-8")
                    .withBody("<!DOCTYPE html><html lang=\"vi\"><body><h1>Bài viết không tồn tại hoặc đã bị gỡ"
                            + "</h1></body></html>").build();
        }
        NewsItem item = found.get();
        String html = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"UTF-8\"><title>"
                + Text.html(item.title()) + " - " + Text.html(s.portal.name()) + "</title></head>\n<body>"
                + "<article><h1>" + Text.html(item.title()) + "</h1><p class=\"date\">"
                + FeedWriter.rfc822(item.published()) + "</p><p class=\"category\">"
                + Text.html(item.categoryLabel()) + "</p><img src=\"" + Text.html(item.imagePath()) + "\" alt=\"\">"
                + "<p>" + Text.html(item.summary()) + "</p></article></body></html>\n";
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody(html.getBytes(StandardCharsets.UTF_8)).build();
    }

    private ResponseDefinition index() {
        List<Map<String, String>> list = new ArrayList<>();
        for (PortalState s : portals.values()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", s.portal.id());
            entry.put("name", s.portal.name());
            entry.put("rss", rssUrl(s.portal.id()));
            entry.put("atom", atomUrl(s.portal.id()));
            entry.put("html", listUrl(s.portal.id()));
            list.add(entry);
        }
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("simulator", name(), "portals", list));
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PortalState state(String portal) {
        PortalState s = portals.get(portal);
        if (s == null) {
            throw new IllegalArgumentException("unknown portal '" + portal + "', known: " + portals.keySet());
        }
        return s;
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private record Rendered(long version, String baseUrl, byte[] body, String etag, Instant lastModified) {
    }

    /** One portal's content; every access holds its monitor. Feeds are rendered once per change. */
    private final class PortalState {
        final NewsCatalogue.Portal portal;
        final List<NewsItem> items = new ArrayList<>();
        Instant lastModified;
        long version;
        final Map<String, Rendered> rendered = new LinkedHashMap<>();

        PortalState(NewsCatalogue.Portal portal) {
            this.portal = portal;
        }

        Instant nextChangeInstant() {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant next = lastModified.plusSeconds(1);
            return now.isAfter(next) ? now : next;
        }

        void changed(Instant at) {
            lastModified = at;
            version++;
            rendered.clear();
        }

        /** The view ("RSS", "html-2", ...) of the current items, rendered once per change and base URL. */
        synchronized Rendered rendered(String view, String baseUrl, Function<List<NewsItem>, byte[]> render) {
            Rendered r = rendered.get(view);
            if (r == null || r.version != version || !r.baseUrl.equals(baseUrl)) {
                byte[] body = render.apply(List.copyOf(items));
                r = new Rendered(version, baseUrl, body, etag(body), lastModified);
                rendered.put(view, r);
            }
            return r;
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
