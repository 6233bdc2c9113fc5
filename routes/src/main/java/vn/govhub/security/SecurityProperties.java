package vn.govhub.security;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Keys for personal data and credentials kept in the database ({@code govhub.security.*}).
 *
 * @param dataKey          the current AES-256 key, base64 (32 bytes), from the environment
 *                         ({@code GOVHUB_SECURITY_DATA_KEY}); new values are encrypted with it
 * @param previousDataKeys retired keys, still accepted for reading while rows are re-encrypted
 *                         ({@code GOVHUB_SECURITY_PREVIOUS_DATA_KEYS}, comma separated)
 * @param checkSecrets     outside the demo profile, refuse to start on missing, short or demo-valued secrets
 */
@Validated
@ConfigurationProperties("govhub.security")
public record SecurityProperties(@DefaultValue("") String dataKey, @NotNull @DefaultValue List<String> previousDataKeys,
                                 @DefaultValue("true") boolean checkSecrets) {

    @Override
    public String toString() {
        return "SecurityProperties[data key " + (dataKey.isEmpty() ? "unset" : "set") + ", "
                + previousDataKeys.size() + " previous]";
    }
}
