package vn.govhub.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * Hub-wide settings ({@code govhub.*} in {@code config/application.yml}).
 *
 * @param configDir      folder holding {@code provinces/<id>.yml}
 * @param configVersion  a label the operators give to the configuration they deploy (shown in /actuator/info)
 * @param publicBaseUrl  the hub's address as upstream systems reach it: the signed links to files start with it
 */
@Validated
@ConfigurationProperties("govhub")
public record GovhubProperties(
        @NotNull @DefaultValue("./config") Path configDir,
        @NotBlank @DefaultValue("unversioned") String configVersion,
        @NotNull @HttpUrl @DefaultValue("http://localhost:8080") String publicBaseUrl) {

    public GovhubProperties {
        publicBaseUrl = publicBaseUrl != null && publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }
}
