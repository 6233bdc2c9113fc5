package vn.govhub.news;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code news} in /actuator/health: each enabled source's last success, last error and failures in a row. A source
 * failing for {@code govhub.news.degraded-after-failures} polls makes this component DEGRADED — never DOWN: a
 * portal being away is no reason to take the hub out of service.
 */
@Component("news")
class NewsHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "some news sources keep failing");

    private final NewsIngestor ingestor;
    private final NewsProperties properties;

    private final vn.govhub.upstream.HttpProperties http;
    private final java.time.Clock clock;

    NewsHealthIndicator(NewsIngestor ingestor, NewsProperties properties, vn.govhub.upstream.HttpProperties http, java.time.Clock clock) {
        this.ingestor = ingestor;
        this.properties = properties;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, Object> sources = new LinkedHashMap<>();
        boolean degraded = false;
        // a poll running past every limit it has is stuck: say so, whatever its status says
        java.time.Instant stuckBefore = clock.instant().minus(properties.fetchDeadline()).minus(http.responseTimeout())
                .minus(http.connectTimeout());
        Map<String, java.time.Instant> running = ingestor.running();
        for (SourceStatus status : ingestor.statuses()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("lastSuccessAt", status.lastSuccessAt());
            detail.put("lastErrorAt", status.lastErrorAt());
            detail.put("lastError", status.lastError());
            detail.put("consecutiveFailures", status.consecutiveFailures());
            java.time.Instant since = running.get(status.province() + "/" + status.source());
            if (since != null && since.isBefore(stuckBefore)) {
                detail.put("pollStuckSince", since);
                degraded = true;
            }
            sources.put(status.province() + "/" + status.source(), detail);
            degraded |= status.consecutiveFailures() >= properties.degradedAfterFailures();
        }
        return Health.status(degraded ? DEGRADED : Status.UP).withDetail("sources", sources).build();
    }
}
