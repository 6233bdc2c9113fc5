package vn.govhub.news;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceProperties.NewsSource;
import vn.govhub.config.ProvinceProperties.SourceKind;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.upstream.HttpProperties;

/**
 * One poller per enabled news source of each enabled province, instantiated from the {@code news-source-poll}
 * template. Each tick runs on the leader of that source only ({@link vn.govhub.cluster.Leadership}).
 */
@Component
public class NewsPollRoutes extends RouteBuilder {

    static final String TEMPLATE = "news-source-poll";

    private final ProvinceRegistry provinces;
    private final HttpProperties http;
    private final MeterRegistry meters;

    public NewsPollRoutes(ProvinceRegistry provinces, HttpProperties http, MeterRegistry meters) {
        this.provinces = provinces;
        this.http = http;
        this.meters = meters;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("routeId").templateParameter("task").templateParameter("schedule")
                .templateParameter("url").templateParameter("source").templateParameter("province")
                .from("{{schedule}}")
                .routeId("{{routeId}}")
                .filter().method("leadership", "isLeader('{{task}}')")
                    .process(e -> meters.counter("govhub.news.polls", "source", e.getFromRouteId()).increment())
                    .removeHeaders("*")
                    .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                    .setHeader("User-Agent", constant(http.userAgent()))
                    .setHeader("Accept", constant("application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1"))
                    .toD("{{url}}")
                    .unmarshal().rss()
                    .log("Polled {{province}}/{{source}}: ${body.entries.size()} items, newest: ${body.entries[0].title}")
                .end();

        for (ProvinceProperties province : provinces.enabled()) {
            for (NewsSource source : province.news().sources()) {
                if (source.enabled() && source.kind() != SourceKind.HTML) {
                    String routeId = "news-poll-" + province.id() + "-" + source.id();
                    templatedRoute(TEMPLATE)
                            .routeId(routeId)
                            .parameter("routeId", routeId)
                            .parameter("task", routeId)
                            .parameter("schedule", scheduleUri(province, source))
                            .parameter("url", source.url())
                            .parameter("source", source.id())
                            .parameter("province", province.id());
                }
            }
        }
    }

    static String scheduleUri(ProvinceProperties province, NewsSource source) {
        if (source.every() != null) {
            return "timer:news-" + province.id() + "-" + source.id() + "?delay=0&fixedRate=false&period=" + source.every().toMillis();
        }
        return "quartz:news/" + province.id() + "-" + source.id() + "?cron=" + source.cron().replace(' ', '+')
                + "&trigger.timeZone=" + province.zone().getId();
    }
}
