package vn.govhub.news;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.config.ProvinceSection;
import vn.govhub.news.NewsSection.NewsSource;
import vn.govhub.platform.schedule.ScheduledTasks;
import vn.govhub.platform.schedule.Task;
import vn.govhub.reload.ConfigReloader;
import vn.govhub.upstream.UpstreamErrors;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One poller per enabled news source of each enabled province: a scheduled task ({@code news-poll-<province>-<source>},
 * its own timer or Quartz cron, on the source's leader only) that sends to the source's fetch, an instance of the
 * {@code news-source-fetch} template: unless the source is backing off, ask it conditionally with camel-http, then
 * ingest what changed. Failures go to the source's status ({@link UpstreamErrors}). Each source has its own timer
 * thread, so a slow or failing source never delays another.
 */
@Component
public class NewsPollRoutes extends RouteBuilder implements ConfigReloader.Listener {

    /** The {@code news} section of the province files belongs to this flow. */
    @Bean
    static ProvinceSection<NewsSection> newsSection() {
        return NewsSection.SECTION;
    }

    static final String FETCH = "news-source-fetch";

    private final ProvinceRegistry provinces;
    private final NewsProperties properties;
    private final ScheduledTasks tasks;
    /** The sources the running pollers were made from, by poller id (a reload compares against them). */
    private final Map<String, NewsSource> running = new ConcurrentHashMap<>();

    public NewsPollRoutes(ProvinceRegistry provinces, NewsProperties properties, ScheduledTasks tasks) {
        this.provinces = provinces;
        this.properties = properties;
        this.tasks = tasks;
    }

    @Override
    public void configure() {
        routeTemplate(FETCH)
                .templateParameter("fetchId").templateParameter("httpUri").templateParameter("province").templateParameter("source")
                .from("direct:{{fetchId}}")
                .routeId("{{fetchId}}")
                .routeConfigurationId(UpstreamErrors.ID)
                .setProperty(NewsIngestor.PROVINCE, constant("{{province}}"))
                .setProperty(NewsIngestor.SOURCE, constant("{{source}}"))
                .setProperty(UpstreamErrors.HANDLER, constant("newsIngestor"))
                .filter().method("newsIngestor", "due")
                    .removeHeaders("*")
                    .bean("newsIngestor", "prepare")
                    .to("{{httpUri}}")
                    .bean("newsIngestor", "ingest")
                .end();

        AtomicInteger stagger = new AtomicInteger();
        for (ProvinceProperties province : provinces.enabled()) {
            for (NewsSource source : NewsSection.of(province).sources()) {
                if (source.enabled()) {
                    var fetch = templatedRoute(FETCH).routeId(fetchId(province, source));
                    fetchParameters(province, source).forEach(fetch::parameter);
                    tasks.schedule(this, poll(province, source, properties.startStagger().multipliedBy(stagger.getAndIncrement() % 20)));
                    running.put(routeId(province, source), source);
                }
            }
        }
    }

    /**
     * After a configuration reload: pollers of removed or disabled sources stop and go, changed ones are made again,
     * new ones start. Their status and backoff (kept in the cluster by source) carry over.
     */
    @Override
    public synchronized void reloaded(ProvinceRegistry.Snapshot snapshot) {
        Map<String, ProvinceProperties> owners = new LinkedHashMap<>();
        Map<String, NewsSource> sources = new LinkedHashMap<>();
        for (ProvinceProperties province : snapshot.provinces()) {
            if (province.enabled()) {
                for (NewsSource source : NewsSection.of(province).sources()) {
                    if (source.enabled()) {
                        sources.put(routeId(province, source), source);
                        owners.put(routeId(province, source), province);
                    }
                }
            }
        }
        try {
            for (String routeId : List.copyOf(running.keySet())) {
                if (!running.get(routeId).equals(sources.get(routeId))) {
                    tasks.remove(getContext(), routeId);
                    tasks.remove(getContext(), routeId.replaceFirst("^news-poll-", "news-fetch-"));
                    running.remove(routeId);
                }
            }
            for (Map.Entry<String, NewsSource> entry : sources.entrySet()) {
                if (!running.containsKey(entry.getKey())) {
                    ProvinceProperties province = owners.get(entry.getKey());
                    NewsSource source = entry.getValue();
                    getContext().addRouteFromTemplate(fetchId(province, source), FETCH, new LinkedHashMap<>(fetchParameters(province, source)));
                    tasks.add(getContext(), poll(province, source, Duration.ZERO));
                    running.put(entry.getKey(), source);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("news pollers could not follow the reloaded configuration: " + e.getMessage(), e);
        }
    }

    /** The running pollers' ids. */
    public Set<String> pollers() {
        return Set.copyOf(running.keySet());
    }

    /** The source's poll: its own timer or cron, on its leader, first polls spread over a few seconds after start. */
    static Task poll(ProvinceProperties province, NewsSource source, Duration startDelay) {
        Task poll = source.every() != null
                ? Task.every(routeId(province, source), source.every()).after(min(source.every(), startDelay))
                : Task.cron(routeId(province, source), source.cron(), province.zone());
        return poll.onLeader().sends("direct:" + fetchId(province, source));
    }

    private static Map<String, String> fetchParameters(ProvinceProperties province, NewsSource source) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("fetchId", fetchId(province, source));
        parameters.put("httpUri", httpUri(source.url()));
        parameters.put("province", province.id());
        parameters.put("source", source.id());
        return parameters;
    }

    static String routeId(ProvinceProperties province, NewsSource source) {
        return "news-poll-" + province.id() + "-" + source.id();
    }

    static String fetchId(ProvinceProperties province, NewsSource source) {
        return "news-fetch-" + province.id() + "-" + source.id();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    /**
     * The camel-http endpoint of a source: answers of every status come back to the route (304 is normal), the
     * body stays a stream so its size can be bounded, redirects are followed (each through the outbound guard).
     */
    static String httpUri(String url) {
        return url + (url.contains("?") ? "&" : "?") + "throwExceptionOnFailure=false&disableStreamCache=true&followRedirects=true";
    }
}
