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

    NewsHealthIndicator(NewsIngestor ingestor, NewsProperties properties) {
        this.ingestor = ingestor;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Map<String, Object> sources = new LinkedHashMap<>();
        boolean degraded = false;
        for (SourceStatus status : ingestor.statuses()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("lastSuccessAt", status.lastSuccessAt());
            detail.put("lastErrorAt", status.lastErrorAt());
            detail.put("lastError", status.lastError());
            detail.put("consecutiveFailures", status.consecutiveFailures());
            sources.put(status.province() + "/" + status.source(), detail);
            degraded |= status.consecutiveFailures() >= properties.degradedAfterFailures();
        }
        return Health.status(degraded ? DEGRADED : Status.UP).withDetail("sources", sources).build();
    }
}
