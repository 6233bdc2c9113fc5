package vn.govhub.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sandbox simulators of the {@code demo} profile ({@code govhub.sandbox.*}).
 *
 * @param enabled    set by the demo profile; also enables the demo province
 * @param portalPort loopback port of the provincial news portal simulator
 */
@Validated
@ConfigurationProperties("govhub.sandbox")
public record SandboxProperties(
        @DefaultValue("false") boolean enabled,
        @Min(1) @Max(65535) @DefaultValue("18081") int portalPort) {
}
