package vn.govhub.sandbox.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.govhub.sandbox.Simulator;
import vn.govhub.sandbox.portal.PortalResponses.FeedFormat;

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
 *
 * <p>This class holds the addresses and knobs; each portal's content is a {@link PortalState}, and
 * {@link PortalResponses} turns it into HTTP answers.
 */
public final class PortalSimulator extends Simulator {

    /** 2 June 2025, 08:30 in Vietnam. */
    public static final Instant DEFAULT_BASE_INSTANT = Instant.parse("2025-06-02T01:30:00Z");

    /** How long {@code /broken/slow-drip.rss} takes to send its body, unless {@link #setSlowDripTotal} says. */
    public static final Duration DEFAULT_SLOW_DRIP_TOTAL = Duration.ofSeconds(30);

    /** How long {@code /broken/timeout.rss} waits before answering, unless {@link #setTimeoutDelay} says. */
    public static final Duration DEFAULT_TIMEOUT_DELAY = Duration.ofSeconds(60);

    private final Map<String, PortalState> portals = new LinkedHashMap<>();
    private final PortalResponses responses;
    private final BrokenFeeds broken;
    private volatile int benchFeedCount = BenchFeeds.DEFAULT_COUNT;

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
        Objects.requireNonNull(baseInstant, "baseInstant");
        Objects.requireNonNull(clock, "clock");
        for (NewsCatalogue.Portal portal : NewsCatalogue.PORTALS) {
            portals.put(portal.id(), new PortalState(portal, baseInstant, clock));
        }
        this.responses = new PortalResponses(baseInstant);
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
        return state(portal).portal().name();
    }

    public String indexUrl() {
        return baseUrl() + "/";
    }

    public String rssUrl(String portal) {
        return baseUrl() + "/" + state(portal).portal().id() + "/rss.xml";
    }

    public String atomUrl(String portal) {
        return baseUrl() + "/" + state(portal).portal().id() + "/atom.xml";
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
        return baseUrl() + "/" + state(portal).portal().id() + "/tin-tuc" + (page == 1 ? "" : "?page=" + page);
    }

    /**
     * The date pattern ({@link java.time.format.DateTimeFormatter}) that reads the portal's HTML list dates, or
     * null when its form ({@code Thứ sáu, 09/02/2024 15:00}) needs the hub's built-in Vietnamese forms.
     */
    public String listDatePattern(String portal) {
        return state(portal).portal().listDates().pattern;
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
        broken.setSlowDripTotal(total);
    }

    /**
     * How long {@code /broken/timeout.rss} waits before it answers (with a valid feed);
     * {@link #DEFAULT_TIMEOUT_DELAY} until set. Kept across {@link #reset()}. The wait holds one of the
     * server's ten threads, so keep it short where many requests may come.
     */
    public void setTimeoutDelay(Duration delay) {
        broken.setTimeoutDelay(delay);
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

    /** The item's absolute URL, which is also its RSS guid and Atom id. */
    public String link(NewsItem item) {
        return baseUrl() + item.path();
    }

    // ---- content

    /** The portal's items, newest first. */
    public List<NewsItem> items(String portal) {
        return state(portal).items();
    }

    /** When the portal's content last changed; the feeds' Last-Modified. */
    public Instant lastModified(String portal) {
        return state(portal).lastModified();
    }

    /** Publishes a new item at the top of the portal's feeds. */
    public NewsItem publish(String portal, NewsItemSeed seed) {
        Objects.requireNonNull(seed, "seed");
        return state(portal).publish(seed);
    }

    public NewsItem publish(String portal, String title, String summary, String category) {
        return publish(portal, new NewsItemSeed(title, summary, category));
    }

    /** Retitles the item at this position (0 = newest); its address and guid stay. */
    public NewsItem editItem(String portal, int index, String newTitle) {
        String title = PortalState.cleanTitle(newTitle);
        return state(portal).retitle(items -> {
            if (index < 0 || index >= items.size()) {
                throw new IndexOutOfBoundsException("portal " + portal + " has " + items.size() + " items");
            }
            return index;
        }, title);
    }

    /** Retitles the item with this guid (its absolute link, or just its path); its address and guid stay. */
    public NewsItem editItem(String portal, String guid, String newTitle) {
        String title = PortalState.cleanTitle(newTitle);
        return state(portal).retitle(items -> PortalState.indexOf(items, guid).orElseThrow(
                () -> new IllegalArgumentException("no item " + guid + " on portal " + portal)), title);
    }

    /** Takes the item with this guid off the portal; false when there was none. */
    public boolean removeItem(String portal, String guid) {
        return state(portal).remove(guid);
    }

    /** Back to the initial content of every portal. */
    @Override
    protected void resetState() {
        portals.values().forEach(PortalState::reset);
    }

    // ---- HTTP

    @Override
    protected void registerStubs() {
        stub(get(urlPathEqualTo("/")), request -> PortalResponses.index(name(), index()));
        for (PortalState s : portals.values()) {
            String id = s.portal().id();
            stub(get(urlPathEqualTo("/" + id + "/rss.xml")),
                    request -> responses.feed(request, s, FeedFormat.RSS, baseUrl()));
            stub(get(urlPathEqualTo("/" + id + "/atom.xml")),
                    request -> responses.feed(request, s, FeedFormat.ATOM, baseUrl()));
            stub(get(urlPathMatching("/" + id + "/tin-tuc/?")), request -> responses.list(request, s, baseUrl()));
            stub(get(urlPathMatching("/" + id + "/tin-tuc/[^/]+\\.html")), request -> responses.article(request, s));
            stub(get(urlPathMatching("/" + id + "/uploads/.+\\.jpg")).willReturn(illustration()));
        }
        stub(get(urlPathMatching("/bench/\\d+/rss\\.xml")),
                request -> responses.bench(request, baseUrl(), benchFeedCount));
        stub(get(urlPathMatching("/bench/\\d+/uploads/.+\\.jpg")).willReturn(illustration()));
        for (String name : BrokenFeeds.CASES) {
            stub(get(urlPathEqualTo("/broken/" + name + ".rss")),
                    request -> broken.respond(name, baseUrl()));
        }
        stub(any(anyUrl()).atPriority(100).willReturn(aResponse()
                .withStatus(404)
                .withHeader("Content-Type", PortalResponses.HTML_TYPE)
                .withBody(PortalResponses.NOT_FOUND_PAGE)));
    }

    private static ResponseDefinitionBuilder illustration() {
        return aResponse()
                .withHeader("Content-Type", "image/jpeg")
                .withHeader("Cache-Control", "public, max-age=86400")
                .withBody(Illustration.JPEG);
    }

    /** The entries of the JSON index: each portal with its feed URLs. */
    private List<Map<String, String>> index() {
        List<Map<String, String>> list = new ArrayList<>();
        for (PortalState s : portals.values()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", s.portal().id());
            entry.put("name", s.portal().name());
            entry.put("rss", rssUrl(s.portal().id()));
            entry.put("atom", atomUrl(s.portal().id()));
            entry.put("html", listUrl(s.portal().id()));
            list.add(entry);
        }
        return list;
    }

    private PortalState state(String portal) {
        PortalState s = portals.get(portal);
        if (s == null) {
            throw new IllegalArgumentException("unknown portal '" + portal + "', known: " + portals.keySet());
        }
        return s;
    }
}
