package vn.govhub.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The dossier flow ({@code govhub.dossiers.*}); per-province rules are in the province files.
 *
 * @param uploadTtl        an upload no dossier took within this is deleted
 * @param batch            forwards claimed per pass
 * @param lease            a claimed forward not finished within this is taken up again (crash of its node)
 * @param trackPerMinute   public tracking-code look-ups per client address per minute
 */
@ConfigurationProperties("govhub.dossiers")
public record DossierSettings(
        @DefaultValue("24h") Duration uploadTtl,
        @DefaultValue("50") int batch,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("30") int trackPerMinute) {
}
