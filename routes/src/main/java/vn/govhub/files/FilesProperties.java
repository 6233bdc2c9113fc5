package vn.govhub.files;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The signed links through which upstream systems fetch dossier attachments and report photos ({@code govhub.files.*}).
 *
 * @param linkSecret HMAC key of the links, shared by every node, from the environment ({@code GOVHUB_FILES_LINK_SECRET})
 * @param linkTtl    how long a link works
 */
@Validated
@ConfigurationProperties("govhub.files")
public record FilesProperties(String linkSecret, @NotNull @DefaultValue("7d") Duration linkTtl) {

    @Override
    public String toString() {
        return "FilesProperties[link secret " + (linkSecret == null || linkSecret.isBlank() ? "unset" : "set") + ", ttl " + linkTtl + "]";
    }
}
