package vn.govhub.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import vn.govhub.admin.AdminPrincipal;
import vn.govhub.admin.AdminProperties;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The static bearer tokens of the configuration: the operators' ({@code govhub.admin.token}), each officer's
 * ({@code govhub.admin.agents}) and the metrics scraper's ({@code govhub.admin.metrics-token}). Every token is
 * compared in constant time, and all are compared, so timing tells nothing about which one matched. A token none of
 * them is, is left to the next provider (the OIDC provider's JWTs), if there is one.
 */
final class AdminTokens implements AuthenticationProvider {

    static final String METRICS = "METRICS";

    private final AdminProperties properties;

    AdminTokens(AdminProperties properties) {
        this.properties = properties;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        byte[] given = ((BearerTokenAuthenticationToken) authentication).getToken().getBytes(StandardCharsets.UTF_8);
        Authentication found = null;
        if (matches(given, properties.token())) {
            found = new AdminPrincipal("operator", true, Set.of()).authentication();
        }
        for (AdminProperties.Agent agent : properties.agents()) {
            if (matches(given, agent.token()) && found == null) {
                found = new AdminPrincipal(agent.name(), false, Set.copyOf(agent.agencies())).authentication();
            }
        }
        if (matches(given, properties.metricsToken()) && found == null) {
            found = UsernamePasswordAuthenticationToken.authenticated("metrics", "", AuthorityUtils.createAuthorityList("ROLE_" + METRICS));
        }
        return found;
    }

    private static boolean matches(byte[] given, String configured) {
        return configured != null && !configured.isBlank() && given.length > 0
                && MessageDigest.isEqual(given, configured.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
