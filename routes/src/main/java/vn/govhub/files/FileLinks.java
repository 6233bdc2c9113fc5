package vn.govhub.files;

import org.springframework.stereotype.Component;
import vn.govhub.config.GovhubProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.config.SectionFacts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Expiring, signed links to a dossier's files, given to the case-handling system in each forward
 * ({@code DuongDanTaiTepTin}): {@code /files/dossiers/{id}?exp=<unix seconds>&sig=<hex HMAC-SHA256(id.exp)>}.
 * The key ({@code govhub.files.link-secret}) is shared by every node.
 */
@Component
public class FileLinks {

    private final FilesProperties settings;
    private final String base;
    private final Clock clock;
    private final byte[] key;

    public FileLinks(FilesProperties settings, GovhubProperties hub, ProvinceRegistry provinces, Clock clock) {
        this.settings = settings;
        this.base = hub.publicBaseUrl();
        this.clock = clock;
        boolean needed = provinces.enabled().stream().flatMap(p -> p.facts().stream()).anyMatch(SectionFacts::sendsFileLinks);
        if (settings.linkSecret() == null || settings.linkSecret().isBlank()) {
            if (needed) {
                throw new IllegalStateException("govhub.files.link-secret (GOVHUB_FILES_LINK_SECRET) is required "
                        + "when a province takes dossiers or sends feedback to agency systems: they download files by signed links");
            }
            this.key = null;
        } else {
            this.key = settings.linkSecret().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A dossier attachment's link. */
    public String link(String fileId) {
        long exp = clock.instant().plus(settings.linkTtl()).getEpochSecond();
        return base + "/files/dossiers/" + fileId + "?exp=" + exp + "&sig=" + sign(fileId, exp);
    }

    /** A feedback photo's link ({@code /files/feedback/{id}}); its signature covers the kind, so it opens nothing else. */
    public String feedbackLink(String photoId) {
        long exp = clock.instant().plus(settings.linkTtl()).getEpochSecond();
        return base + "/files/feedback/" + photoId + "?exp=" + exp + "&sig=" + sign("feedback/" + photoId, exp);
    }

    public boolean validFeedback(String photoId, String exp, String sig) {
        return valid("feedback/" + photoId, exp, sig);
    }

    public boolean valid(String fileId, String exp, String sig) {
        if (key == null || exp == null || sig == null) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(exp);
        } catch (NumberFormatException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(fileId, expiry).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))
                && Instant.ofEpochSecond(expiry).isAfter(clock.instant());
    }

    private String sign(String fileId, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((fileId + "." + exp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
