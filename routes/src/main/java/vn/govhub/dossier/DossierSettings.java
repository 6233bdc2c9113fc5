package vn.govhub.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The dossier flow ({@code govhub.dossiers.*}); per-province rules are in the province files.
 *
 * @param publicBaseUrl    the hub's address as the case-handling systems reach it: attachment links start with it
 * @param fileLinkSecret   HMAC key of the expiring attachment links given to backends (from the environment)
 * @param fileLinkTtl      how long such a link works
 * @param uploadTtl        an upload no dossier took within this is deleted
 * @param tick             how often each node looks for dossiers to forward
 * @param batch            forwards claimed per tick
 * @param lease            a claimed forward not finished within this is taken up again (crash of its node)
 * @param breakerFailures  consecutive failures that open a backend's circuit
 * @param breakerOpen      how long an open circuit stays open before one probe is let through
 * @param trackPerMinute   public tracking-code look-ups per client address per minute
 */
@ConfigurationProperties("govhub.dossiers")
public record DossierSettings(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        String fileLinkSecret,
        @DefaultValue("7d") Duration fileLinkTtl,
        @DefaultValue("24h") Duration uploadTtl,
        @DefaultValue("250ms") Duration tick,
        @DefaultValue("50") int batch,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("5") int breakerFailures,
        @DefaultValue("30s") Duration breakerOpen,
        @DefaultValue("30") int trackPerMinute) {

    public DossierSettings {
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    @Override
    public String toString() {
        return "DossierSettings[" + publicBaseUrl + "]";
    }
}
