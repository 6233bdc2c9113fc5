package vn.govhub.news;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceProperties.NewsSource;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.upstream.UpstreamErrors;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One poller per enabled news source of each enabled province, instantiated from the {@code news-source-poll}
 * template: on its leader only, when not backing off, fetch the source conditionally and ingest what changed.
 * Each source has its own schedule thread, so a slow or failing source never delays another.
 */
@Component
public class NewsPollRoutes extends RouteBuilder {

    static final String TEMPLATE = "news-source-poll";

    private final ProvinceRegistry provinces;
    private final NewsProperties properties;

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
                    templatedRoute(TEMPLATE)
                            .routeId(routeId)
                            .parameter("routeId", routeId)
                            .parameter("schedule", scheduleUri(province, source,
                                    properties.startStagger().toMillis() * (stagger.getAndIncrement() % 20)))
                            .parameter("httpUri", httpUri(source.url()))
                            .parameter("province", province.id())
                            .parameter("source", source.id());
                }
            }
        }
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
