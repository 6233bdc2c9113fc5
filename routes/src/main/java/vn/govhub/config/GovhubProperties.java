package vn.govhub.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import vn.govhub.cluster.ClusterProperties;

/**
 * Hub-wide settings ({@code govhub.*} in {@code config/application.yml}).
 *
 * @param configDir      folder holding {@code provinces/<id>.yml}
 * @param configVersion  a label the operators give to the configuration they deploy (shown in /actuator/info)
 * @param cluster        how this member finds the others
 * @param configCheckEvery how often each node looks for changed province files and reloads them (0: only on request)
 */
@Validated
@ConfigurationProperties("govhub")
public record GovhubProperties(
        @NotNull @DefaultValue("./config") Path configDir,
        @NotBlank @DefaultValue("unversioned") String configVersion,
        @Valid @NotNull @DefaultValue ClusterProperties cluster,
        @NotNull @DefaultValue("30s") java.time.Duration configCheckEvery) {
}
