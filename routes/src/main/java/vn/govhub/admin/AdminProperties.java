package vn.govhub.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operators' access to {@code /admin/**} ({@code govhub.admin.*}).
 *
 * @param token bearer token of the operators; from the environment ({@code GOVHUB_ADMIN_TOKEN}), never from the
 *              repository. Empty: the admin API answers 503.
 */
@ConfigurationProperties("govhub.admin")
public record AdminProperties(@DefaultValue("") String token) {

    @Override
    public String toString() {
        return "AdminProperties[token " + (token.isEmpty() ? "unset" : "set") + "]";
    }
}
