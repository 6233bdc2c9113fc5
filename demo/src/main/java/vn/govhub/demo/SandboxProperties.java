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
 * @param tthcPort   loopback port of the national TTHC database simulator
 * @param tthcProcedures how many procedures that simulator serves
 * @param zaloPort   loopback port of the Zalo simulator (OAuth, OA, ZNS and Graph)
 * @param casesPort  loopback port of the case-handling system simulator (national envelope shape)
 * @param casesAdvanceEvery how often that simulator moves every dossier one status further (0: never)
 * @param agencyPort the loopback port of an agency's feedback system simulator (the power company)
 * @param agencyAnswerEvery how often that simulator moves every report one step towards its answer (0: never)
 */
@Validated
@ConfigurationProperties("govhub.sandbox")
public record SandboxProperties(
        @DefaultValue("false") boolean enabled,
        @Min(1) @Max(65535) @DefaultValue("18081") int portalPort,
        @Min(1) @Max(65535) @DefaultValue("18082") int tthcPort,
        @Min(1) @DefaultValue("2000") int tthcProcedures,
        @Min(1) @Max(65535) @DefaultValue("18083") int zaloPort,
        @Min(1) @Max(65535) @DefaultValue("18084") int casesPort,
        @DefaultValue("30s") java.time.Duration casesAdvanceEvery,
        @Min(1) @Max(65535) @DefaultValue("18085") int agencyPort,
        @DefaultValue("15s") java.time.Duration agencyAnswerEvery) {
}
