package vn.govhub.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import vn.govhub.admin.AdminPrincipal;
import vn.govhub.admin.AdminProperties;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operators and officers signed in by the province's OpenID Connect provider: their access tokens (JWT) are checked
 * against the provider's keys (signature, expiry, issuer, audience), and the configured claims say who they are — a
 * token carrying the operator role is an operator, one carrying the officer role an officer of the agencies its
 * agencies claim lists; a token with neither is refused.
 */
final class OidcOperators {

    private OidcOperators() {
    }

    static JwtAuthenticationProvider provider(AdminProperties.Oidc oidc) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder(oidc));
        provider.setJwtAuthenticationConverter(jwt -> principal(oidc, jwt));
        return provider;
    }

    /** Keys are fetched on first use (and cached by Nimbus), so a provider that is down does not stop start-up. */
    private static JwtDecoder decoder(AdminProperties.Oidc oidc) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = oidc.jwkSetUri().isBlank()
                    ? (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(oidc.issuerUri())
                    : NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(oidc.issuerUri().isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(oidc.issuerUri()));
            if (!oidc.audience().isBlank()) {
                validators.add(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(oidc.audience())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "audience is not " + oidc.audience(), null)));
            }
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
            return decoder;
        });
    }

    static AbstractAuthenticationToken principal(AdminProperties.Oidc oidc, Jwt jwt) {
        Set<String> roles = strings(claim(jwt.getClaims(), oidc.rolesClaim()));
        String name = jwt.getClaimAsString(oidc.nameClaim());
        if (name == null || name.isBlank()) {
            name = jwt.getSubject();
        }
        AdminPrincipal principal;
        if (roles.contains(oidc.operatorRole())) {
            principal = new AdminPrincipal(name, true, Set.of());
        } else if (roles.contains(oidc.officerRole())) {
            principal = new AdminPrincipal(name, false, strings(claim(jwt.getClaims(), oidc.agenciesClaim())));
        } else {
            throw new InvalidBearerTokenException("the token carries neither the operator nor the officer role");
        }
        return (AbstractAuthenticationToken) principal.authentication();
    }

    /** A claim by its dotted path ({@code realm_access.roles}). */
    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static Set<String> strings(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof Collection<?> values) {
            values.forEach(v -> out.add(String.valueOf(v)));
        } else if (value instanceof String s) {
            for (String part : s.split("[ ,]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        }
        return out;
    }
}
