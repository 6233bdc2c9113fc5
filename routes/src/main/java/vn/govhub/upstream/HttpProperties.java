package vn.govhub.upstream;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Limits of every outbound HTTP call ({@code govhub.http.*}): no upstream may hold a route forever.
 *
 * @param connectTimeout  TCP connect
 * @param responseTimeout waiting for the response to start, and between packets
 * @param userAgent       how the hub names itself to upstreams
 */
@Validated
@ConfigurationProperties("govhub.http")
public record HttpProperties(
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("15s") Duration responseTimeout,
        @NotNull @DefaultValue("govhub/0.1 (+https://github.com/govhub)") String userAgent) {
}
