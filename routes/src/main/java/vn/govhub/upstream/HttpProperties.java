package vn.govhub.upstream;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Limits of every outbound HTTP call made through camel-http ({@code govhub.http.*}): news sources, form templates
 * and whatever else the hub fetches from addresses found in upstream data. No upstream may hold a route forever, send
 * more than the hub reads, or lead the hub into its own network.
 *
 * @param connectTimeout  TCP connect
 * @param responseTimeout waiting for the response to start, and between packets
 * @param bodyDeadline    the whole answer, headers to last byte: past it the connection is closed
 * @param maxBodyBytes    the largest answer read (one that declares more is not read at all)
 * @param userAgent       how the hub names itself to upstreams
 * @param allowedHosts    hosts (or {@code *.domain}) the hub may fetch links from beside those its configuration names
 * @param allowedNetworks internal networks (CIDR) the hub may nevertheless reach, e.g. a portal on the province's LAN
 */
@Validated
@ConfigurationProperties("govhub.http")
public record HttpProperties(
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("15s") Duration responseTimeout,
        @NotNull @DefaultValue("60s") Duration bodyDeadline,
        @NotNull @DefaultValue("16MB") DataSize maxBodyBytes,
        @NotNull @DefaultValue("govhub/0.1 (+https://github.com/govhub)") String userAgent,
        @NotNull @DefaultValue List<String> allowedHosts,
        @NotNull @DefaultValue List<String> allowedNetworks) {
}
