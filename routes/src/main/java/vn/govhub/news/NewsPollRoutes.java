package vn.govhub.news;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.govhub.config.ConfigReloader;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceProperties.NewsSource;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.upstream.UpstreamErrors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One poller per enabled news source of each enabled province, instantiated from the {@code news-source-poll}
 * template: on its leader only, when not backing off, fetch the source conditionally and ingest what changed.
 * Each source has its own schedule thread, so a slow or failing source never delays another.
 */
@Component
public class NewsPollRoutes extends RouteBuilder implements ConfigReloader.Listener {

    static final String TEMPLATE = "news-source-poll";

    private final ProvinceRegistry provinces;
    private final NewsProperties properties;
    /** The sources the running pollers were made from, by route id (a reload compares against them). */
    private final Map<String, NewsSource> running = new ConcurrentHashMap<>();

    public NewsPollRoutes(ProvinceRegistry provinces, NewsProperties properties) {
        this.provinces = provinces;
        this.properties = properties;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("routeId").templateParameter("schedule").templateParameter("httpUri")
                .templateParameter("province").templateParameter("source")
                .from("{{schedule}}")
                .routeId("{{routeId}}")
                .routeConfigurationId(UpstreamErrors.ID)
                .setProperty(NewsIngestor.PROVINCE, constant("{{province}}"))
                .setProperty(NewsIngestor.SOURCE, constant("{{source}}"))
                .setProperty(UpstreamErrors.HANDLER, constant("newsIngestor"))
                .filter().method("leadership", "isLeader('{{routeId}}')")
                    .filter().method("newsIngestor", "due")
                        .removeHeaders("*")
                        .bean("newsIngestor", "prepare")
                        .to("{{httpUri}}")
                        .bean("newsIngestor", "ingest")
                    .end()
                .end();

        AtomicInteger stagger = new AtomicInteger();
        for (ProvinceProperties province : provinces.enabled()) {
            for (NewsSource source : province.news().sources()) {
                if (source.enabled()) {
                    String routeId = routeId(province, source);
                    var route = templatedRoute(TEMPLATE).routeId(routeId);
                    parameters(province, source, properties.startStagger().toMillis() * (stagger.getAndIncrement() % 20))
                            .forEach((name, value) -> route.parameter(name, String.valueOf(value)));
                    running.put(routeId, source);
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
        Map<String, Map<String, Object>> wanted = new LinkedHashMap<>();
        Map<String, NewsSource> sources = new LinkedHashMap<>();
        for (ProvinceProperties province : snapshot.provinces()) {
            if (!province.enabled()) {
                continue;
            }
            for (NewsSource source : province.news().sources()) {
                if (source.enabled()) {
                    wanted.put(routeId(province, source), parameters(province, source, 0));
                    sources.put(routeId(province, source), source);
                }
            }
        }
        try {
            for (String routeId : List.copyOf(running.keySet())) {
                if (!source(sources, routeId).equals(running.get(routeId))) {
                    getContext().getRouteController().stopRoute(routeId);
                    getContext().removeRoute(routeId);
                    running.remove(routeId);
                }
            }
            for (Map.Entry<String, Map<String, Object>> route : wanted.entrySet()) {
                if (!running.containsKey(route.getKey())) {
                    getContext().addRouteFromTemplate(route.getKey(), TEMPLATE, route.getValue());
                    running.put(route.getKey(), sources.get(route.getKey()));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("news pollers could not follow the reloaded configuration: " + e.getMessage(), e);
        }
    }

    /** The running pollers' route ids. */
    public java.util.Set<String> pollers() {
        return java.util.Set.copyOf(running.keySet());
    }

    private static Object source(Map<String, NewsSource> sources, String routeId) {
        NewsSource source = sources.get(routeId);
        return source == null ? "none" : source;
    }

    private Map<String, Object> parameters(ProvinceProperties province, NewsSource source, long startDelayMillis) {
        String routeId = routeId(province, source);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("routeId", routeId);
        parameters.put("schedule", scheduleUri(province, source, startDelayMillis));
        parameters.put("httpUri", httpUri(source.url()));
        parameters.put("province", province.id());
        parameters.put("source", source.id());
        return parameters;
    }

    static String routeId(ProvinceProperties province, NewsSource source) {
        return "news-poll-" + province.id() + "-" + source.id();
    }

    /** Its own timer (and thread) per source; first polls spread over a few seconds after start. */
    static String scheduleUri(ProvinceProperties province, NewsSource source, long startDelayMillis) {
        if (source.every() != null) {
            long delay = Math.min(source.every().toMillis(), startDelayMillis);
            return "timer:news-" + province.id() + "-" + source.id() + "?fixedRate=false&delay=" + delay
                    + "&period=" + source.every().toMillis();
        }
        return "quartz:news/" + province.id() + "-" + source.id() + "?cron=" + source.cron().replace(' ', '+')
                + "&trigger.timeZone=" + province.zone().getId();
    }

    /**
     * The camel-http endpoint of a source: answers of every status come back to the route (304 is normal), the
     * body stays a stream so its size can be bounded, redirects are followed.
     */
    static String httpUri(String url) {
        return url + (url.contains("?") ? "&" : "?") + "throwExceptionOnFailure=false&disableStreamCache=true&followRedirects=true";
    }
}
