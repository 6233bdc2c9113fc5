package vn.govhub.news;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.connectors.portal.FeedParser;
import vn.govhub.connectors.portal.HtmlListParser;
import vn.govhub.connectors.portal.HtmlSelectors;
import vn.govhub.connectors.portal.NewsNormaliser;
import vn.govhub.connectors.portal.PermanentSourceException;
import vn.govhub.connectors.portal.RawItem;
import vn.govhub.connectors.portal.SourceContext;
import vn.govhub.connectors.portal.SourceException;
import vn.govhub.connectors.portal.TransientSourceException;
import vn.govhub.model.NewsItem;
import vn.govhub.news.NewsSection.NewsSource;
import vn.govhub.news.NewsSection.SourceKind;
import vn.govhub.upstream.BoundedBody;
import vn.govhub.upstream.HttpProperties;
import vn.govhub.upstream.UpstreamFailureHandler;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The steps of one poll of one news source, called by the {@code news-source-poll} routes: is the source due,
 * the conditional request, and the ingestion of the response (bounded read, parse, normalise, dedupe, store).
 * A source's failure is recorded and backs that source off; it never touches another source.
 */
@Component("newsIngestor")
public class NewsIngestor implements UpstreamFailureHandler {

    public static final String PROVINCE = "govhub.province";
    public static final String SOURCE = "govhub.source";
    static final String STATUS_MAP = "govhub-news-sources";
    static final String SEEN_MAP = "govhub-news-seen";

    private static final Logger log = LoggerFactory.getLogger(NewsIngestor.class);

    private final ProvinceRegistry provinces;
    private final NewsStore store;
    private final NewsProperties properties;
    private final HttpProperties http;
    private final Clock clock;
    private final MeterRegistry meters;
    private final IMap<String, SourceStatus> statuses;
    private final IMap<String, String> seen;
    private final FeedParser feedParser;
    private final NewsNormaliser normaliser;
    private final Map<HtmlSelectors, HtmlListParser> htmlParsers = new ConcurrentHashMap<>();
    private final Map<String, Instant> running = new ConcurrentHashMap<>();

    public NewsIngestor(ProvinceRegistry provinces, NewsStore store, NewsProperties properties, HttpProperties http,
                        Clock clock, MeterRegistry meters, HazelcastInstance hazelcast) {
        this.provinces = provinces;
        this.store = store;
        this.properties = properties;
        this.http = http;
        this.clock = clock;
        this.meters = meters;
        this.statuses = hazelcast.getMap(STATUS_MAP);
        this.seen = hazelcast.getMap(SEEN_MAP);
        this.feedParser = new FeedParser(properties.maxBodyBytes());
        this.normaliser = new NewsNormaliser(clock);
    }

    /** False while the source is backing off after failures. */
    public boolean due(Exchange exchange) {
        return status(province(exchange), source(exchange)).due(clock.instant());
    }

    /** The request: conditional on what the last full response said. */
    public void prepare(Exchange exchange) {
        meters.counter("govhub.news.polls", "source", exchange.getFromRouteId()).increment();
        running.put(key(province(exchange), source(exchange)), clock.instant());
        SourceStatus status = status(province(exchange), source(exchange));
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader("User-Agent", http.userAgent());
        message.setHeader("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.1");
        if (status.etag() != null) {
            message.setHeader("If-None-Match", status.etag());
        }
        if (status.lastModified() != null) {
            message.setHeader("If-Modified-Since", status.lastModified());
        }
        message.setBody(null);
    }

    /** The response: 304 costs nothing; a full body is read (bounded), parsed, normalised, deduplicated, stored. */
    public void ingest(Exchange exchange) {
        String provinceId = province(exchange);
        String sourceId = source(exchange);
        NewsSource source = sourceConfig(provinceId, sourceId);
        Message message = exchange.getMessage();
        int code = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        try (InputStream body = message.getBody(InputStream.class)) {
            if (code == 304) {
                statuses.set(key(provinceId, sourceId), status(provinceId, sourceId).notModified(clock.instant()));
                result(provinceId, sourceId, "not_modified");
                return;
            }
            if (code < 200 || code >= 300) {
                throw SourceException.forHttpStatus(code);
            }
            byte[] bytes = BoundedBody.read(body, properties.maxBodyBytes(), properties.fetchDeadline(), clock);
            String charset = FeedParser.charsetOf(message.getHeader(Exchange.CONTENT_TYPE, String.class));
            List<RawItem> raw = source.kind() == SourceKind.HTML
                    ? htmlParser(source.html()).parse(bytes, charset, source.url())
                    : feedParser.parse(bytes, charset);
            Batch batch = normalise(provinceId, source, raw);
            List<NewsItem> unseen = unseen(batch.items());
            NewsStore.Outcome outcome = store.store(provinceId, sourceId, unseen);
            remember(unseen);
            statuses.set(key(provinceId, sourceId), status(provinceId, sourceId).succeeded(clock.instant(),
                    message.getHeader("ETag", String.class), message.getHeader("Last-Modified", String.class),
                    batch.items().size(), batch.skipped()));
            count(provinceId, sourceId, "inserted", outcome.inserted());
            count(provinceId, sourceId, "updated", outcome.updated());
            result(provinceId, sourceId, "ok");
            if (outcome.writes() > 0 || batch.skipped() > 0) {
                log.info("News {}/{}: {} items read, {} new, {} updated, {} skipped as unusable", provinceId, sourceId,
                        batch.items().size(), outcome.inserted(), outcome.updated(), batch.skipped());
            }
        } catch (BoundedBody.LimitExceeded e) {
            throw e.tooLarge() ? new PermanentSourceException(e.getMessage(), e) : new TransientSourceException(e.getMessage(), e);
        } catch (IOException e) {
            throw new TransientSourceException("reading the response failed: " + e.getMessage(), e);
        } catch (VirtualMachineError e) {
            // a poll that dies (a parser's stack, the heap) is this source's failure: recorded, backed off, polled again
            throw new TransientSourceException("the poll died: " + e, e);
        } finally {
            running.remove(key(provinceId, sourceId));
        }
    }

    /** Polls of this node that began and have not ended, by source, with when they began. */
    public Map<String, Instant> running() {
        return Map.copyOf(running);
    }

    @Override
    public void onFailure(Exchange exchange, Exception cause) {
        String provinceId = province(exchange);
        String sourceId = source(exchange);
        running.remove(key(provinceId, sourceId));
        String reason = describe(cause);
        SourceStatus failed = status(provinceId, sourceId).failed(clock.instant(), reason,
                properties.backoffBase(), properties.backoffMax());
        statuses.set(key(provinceId, sourceId), failed);
        result(provinceId, sourceId, "error");
        log.warn("News {}/{} failed ({} in a row, next try after {}): {}", provinceId, sourceId,
                failed.consecutiveFailures(), failed.nextAttemptAt(), reason);
    }

    /** Every enabled source of the enabled provinces with its status, in configuration order. */
    public List<SourceStatus> statuses() {
        List<SourceStatus> all = new ArrayList<>();
        for (ProvinceProperties province : provinces.enabled()) {
            for (NewsSource source : NewsSection.of(province).sources()) {
                if (source.enabled()) {
                    all.add(status(province.id(), source.id()));
                }
            }
        }
        return all;
    }

    private record Batch(List<NewsItem> items, int skipped) {
    }

    private Batch normalise(String provinceId, NewsSource source, List<RawItem> raw) {
        SourceContext context = new SourceContext(source.id(), provinceId, source.category(), source.url(),
                source.html() == null ? null : source.html().datePattern());
        Instant firstSeen = clock.instant();
        Map<String, NewsItem> byKey = new LinkedHashMap<>();
        int skipped = 0;
        for (RawItem item : raw.subList(0, Math.min(raw.size(), source.maxItems()))) {
            try {
                NewsItem normalised = normaliser.normalise(item, context, firstSeen);
                byKey.putIfAbsent(normalised.key(), normalised);
            } catch (SourceException | IllegalArgumentException | NullPointerException e) {
                skipped++;
            }
        }
        if (byKey.isEmpty() && skipped > 0) {
            throw new PermanentSourceException("none of the " + skipped + " items is usable (no title or no link)");
        }
        return new Batch(List.copyOf(byKey.values()), skipped);
    }

    /** Items whose content the cluster has not seen yet (new, or changed since). */
    private List<NewsItem> unseen(List<NewsItem> items) {
        Set<String> keys = items.stream().map(NewsIngestor::seenKey).collect(Collectors.toSet());
        Map<String, String> known = seen.getAll(keys);
        return items.stream().filter(i -> !i.contentHash().equals(known.get(seenKey(i)))).toList();
    }

    private void remember(List<NewsItem> stored) {
        long ttl = properties.seenTtl().toSeconds();
        for (NewsItem item : stored) {
            seen.set(seenKey(item), item.contentHash(), ttl, TimeUnit.SECONDS);
        }
    }

    private static String seenKey(NewsItem item) {
        return item.province() + "|" + item.sourceId() + "|" + item.key();
    }

    private HtmlListParser htmlParser(NewsSection.HtmlSelectors selectors) {
        HtmlSelectors connector = new HtmlSelectors(selectors.item(), selectors.title(), selectors.link(),
                selectors.date(), selectors.summary(), selectors.image(), selectors.datePattern());
        return htmlParsers.computeIfAbsent(connector, s -> new HtmlListParser(s, properties.maxBodyBytes()));
    }

    static String describe(Throwable cause) {
        if (cause instanceof SourceException) {
            return cause.getMessage();
        }
        if (cause instanceof SocketTimeoutException || cause instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
            return "timed out: " + cause.getMessage();
        }
        if (cause instanceof java.net.ConnectException) {
            return "cannot connect: " + cause.getMessage();
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private NewsSource sourceConfig(String provinceId, String sourceId) {
        return provinces.find(provinceId).flatMap(p -> NewsSection.of(p).sources().stream().filter(s -> s.id().equals(sourceId)).findFirst())
                .orElseThrow(() -> new PermanentSourceException("source " + provinceId + "/" + sourceId + " is no longer configured"));
    }

    SourceStatus status(String provinceId, String sourceId) {
        SourceStatus status = statuses.get(key(provinceId, sourceId));
        return status != null ? status : SourceStatus.initial(provinceId, sourceId);
    }

    private static String key(String provinceId, String sourceId) {
        return provinceId + "/" + sourceId;
    }

    private static String province(Exchange exchange) {
        return exchange.getProperty(PROVINCE, String.class);
    }

    private static String source(Exchange exchange) {
        return exchange.getProperty(SOURCE, String.class);
    }

    private void result(String provinceId, String sourceId, String result) {
        meters.counter("govhub.news.poll.results", "province", provinceId, "source", sourceId, "result", result).increment();
    }

    private void count(String provinceId, String sourceId, String outcome, int n) {
        if (n > 0) {
            meters.counter("govhub.news.items", "province", provinceId, "source", sourceId, "outcome", outcome).increment(n);
        }
    }

}
