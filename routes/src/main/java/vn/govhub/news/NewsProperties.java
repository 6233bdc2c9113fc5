package vn.govhub.news;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The news flow's limits ({@code govhub.news.*}).
 *
 * @param maxBodyBytes         a feed or list page larger than this is cut off and reported
 * @param fetchDeadline        a response still arriving after this (a slow drip) is abandoned
 * @param seenTtl              how long the cluster remembers an item's content hash, sparing the database a read
 * @param backoffBase          wait after the first failure of a source; doubles with each further failure
 * @param backoffMax           cap of that wait
 * @param degradedAfterFailures consecutive failures after which a source makes the news health DEGRADED
 * @param startStagger         first polls after start are spread by this much per source (at most 20 steps)
 */
@Validated
@ConfigurationProperties("govhub.news")
public record NewsProperties(
        @Min(1024) @DefaultValue("5242880") int maxBodyBytes,
        @NotNull @DefaultValue("30s") Duration fetchDeadline,
        @NotNull @DefaultValue("7d") Duration seenTtl,
        @NotNull @DefaultValue("30s") Duration backoffBase,
        @NotNull @DefaultValue("30m") Duration backoffMax,
        @Min(1) @Max(1000) @DefaultValue("3") int degradedAfterFailures,
        @NotNull @DefaultValue("250ms") Duration startStagger) {
}
