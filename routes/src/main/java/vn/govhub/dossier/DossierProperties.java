package vn.govhub.dossier;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The dossier flow ({@code govhub.dossiers.*}); per-province rules are in the province files.
 *
 * @param uploadTtl        an upload no dossier took within this is deleted
 * @param batch            forwards claimed per pass
 * @param lease            a claimed forward not finished within this is taken up again (crash of its node)
 * @param trackPerMinute   public tracking-code look-ups per client address per minute
 */
@Validated
@ConfigurationProperties("govhub.dossiers")
public record DossierProperties(
        @NotNull @DurationMin(minutes = 1) @DefaultValue("24h") Duration uploadTtl,
        @Min(1) @Max(10000) @DefaultValue("50") int batch,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("2m") Duration lease,
        @Min(1) @DefaultValue("30") int trackPerMinute) {
}
