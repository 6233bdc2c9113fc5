package vn.govhub.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Who may call {@code /admin/**} ({@code govhub.admin.*}).
 *
 * @param token        bearer token of the province operators (every admin resource); from the environment
 *                     ({@code GOVHUB_ADMIN_TOKEN}), never from the repository
 * @param agents       officers of agencies: each reaches only the feedback inbox of its agencies
 * @param metricsToken bearer token that may read {@code /actuator/prometheus} and {@code /actuator/metrics} only
 *                     (the scraper's); empty: operators only
 * @param oidc         operators and officers signed in by the province's OpenID Connect provider (JWT bearer tokens)
 */
@Validated
@ConfigurationProperties("govhub.admin")
public record AdminProperties(@DefaultValue("") String token, @Valid @NotNull @DefaultValue List<Agent> agents,
                              @DefaultValue("") String metricsToken, @Valid @NotNull @DefaultValue Oidc oidc) {

    /**
     * @param name     who acts (recorded in the history of every step)
     * @param token    the officer's bearer token, from the environment
     * @param agencies {@code <province>/<agency>} pairs whose inbox the officer works
     */
    public record Agent(@NotBlank String name, String token,
                        @NotNull @DefaultValue List<@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9-]{1,40}", message = "must be <province>/<agency>") String> agencies) {
        @Override
        public String toString() {
            return "Agent[" + name + " " + agencies + "]";
        }
    }

    /**
     * An OpenID Connect provider (Keycloak, the province's SSO, ...) whose access tokens the admin API accepts beside
     * the static tokens. Off while neither {@code issuer-uri} nor {@code jwk-set-uri} is set.
     *
     * @param issuerUri     the provider's issuer: its keys are found through its discovery document, and the
     *                      tokens' {@code iss} must equal it
     * @param jwkSetUri     or the provider's key set directly (the {@code iss} is then checked only if issuer-uri is set)
     * @param audience      when set, the tokens' {@code aud} must contain it
     * @param rolesClaim    the claim holding the caller's roles, dots for nesting ({@code realm_access.roles} in Keycloak)
     * @param operatorRole  the role that makes an operator
     * @param officerRole   the role that makes an agency officer
     * @param agenciesClaim the claim listing an officer's {@code <province>/<agency>} pairs
     * @param nameClaim     the claim naming the caller in histories and audit
     */
    public record Oidc(@DefaultValue("") String issuerUri, @DefaultValue("") String jwkSetUri,
                       @DefaultValue("") String audience,
                       @NotBlank @DefaultValue("roles") String rolesClaim,
                       @DefaultValue("govhub-operator") String operatorRole,
                       @DefaultValue("govhub-officer") String officerRole,
                       @DefaultValue("govhub_agencies") String agenciesClaim,
                       @NotBlank @DefaultValue("preferred_username") String nameClaim) {

        public boolean enabled() {
            return !issuerUri.isBlank() || !jwkSetUri.isBlank();
        }
    }

    @Override
    public String toString() {
        return "AdminProperties[token " + (token.isEmpty() ? "unset" : "set") + ", " + agents.size() + " agents, oidc "
                + (oidc.enabled() ? "on" : "off") + "]";
    }
}
