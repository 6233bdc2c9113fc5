package vn.govhub.access;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import vn.govhub.admin.AdminPrincipal;
import vn.govhub.admin.AdminProperties;
import vn.govhub.zalo.CitizenAuthentication;
import vn.govhub.zalo.ZaloIdentity;

import java.util.ArrayList;
import java.util.List;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may call what, in one place, one filter chain per audience, each matching paths the way Spring MVC dispatches
 * them (path patterns on the decoded path). Every rule names its method and path; whatever no rule names is refused.
 * The strict firewall refuses, before any chain, the spellings that could be read two ways: encoded slashes and
 * dots, dot segments, {@code ;} parameters, {@code //}, backslashes, control characters.
 *
 * <table>
 *   <tr><th>area</th><th>audience</th><th>how checked</th></tr>
 *   <tr><td>{@code /admin/**}</td><td>operators; officers on their agencies' feedback inbox</td><td>bearer token: static or OIDC JWT</td></tr>
 *   <tr><td>{@code /actuator/**}</td><td>health and info open; metrics for operators and the scraper</td><td>bearer token</td></tr>
 *   <tr><td>{@code /api/v1/**}</td><td>the public reads; the citizen's own resources</td><td>Zalo user access token, verified with Graph</td></tr>
 *   <tr><td>{@code /webhooks/**}, {@code /files/**}, {@code /oauth/**}</td><td>upstream systems</td><td>signature, signed link or single-use state, in the handler</td></tr>
 *   <tr><td>{@code /open311/v2/**}</td><td>Open311 clients</td><td>reads open; {@code api_key} for POST, in the handler</td></tr>
 * </table>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecuritySetup {

    /** Matchers of string patterns use MVC's own path patterns (decoded segments, matrix parameters removed). */
    @Bean
    PathPatternRequestMatcher.Builder pathPatterns() {
        return PathPatternRequestMatcher.withDefaults();
    }

    @Bean
    HttpFirewall firewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return ProblemHandlers.rejected();
    }

    /** Static tokens first, then the OIDC provider's JWTs when configured; a token neither knows is refused. */
    @Bean
    AuthenticationManager adminAuthentication(AdminProperties properties) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new AdminTokens(properties));
        if (properties.oidc().enabled()) {
            providers.add(OidcOperators.provider(properties.oidc()));
        }
        providers.add(new AuthenticationProvider() {
            @Override
            public org.springframework.security.core.Authentication authenticate(org.springframework.security.core.Authentication a) {
                throw new ProblemHandlers.TokenRefused();
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        });
        ProviderManager manager = new ProviderManager(providers);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain operators(HttpSecurity http, AuthenticationManager adminAuthentication) throws Exception {
        common(http.securityMatcher("/admin/**"));
        bearer(http, adminAuthentication, "Bearer realm=\"govhub-admin\"", "An operator's or officer's bearer token is required.");
        http.exceptionHandling(e -> e.accessDeniedHandler(ProblemHandlers.forbidden(
                "This token does not reach this resource (an agency officer works the feedback inbox only).")));
        return http.authorizeHttpRequests(rules -> rules
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers(POST, "/admin/feedback/replay", "/admin/feedback/escalation", "/admin/feedback/*/replay")
                    .hasRole(AdminPrincipal.OPERATOR)
                .requestMatchers(GET, "/admin/feedback", "/admin/feedback/*", "/admin/feedback/photos/*")
                    .hasAnyRole(AdminPrincipal.OPERATOR, AdminPrincipal.OFFICER)
                .requestMatchers(POST, "/admin/feedback/*/*").hasAnyRole(AdminPrincipal.OPERATOR, AdminPrincipal.OFFICER)
                .requestMatchers(GET, "/admin/**").hasRole(AdminPrincipal.OPERATOR)
                .requestMatchers(POST, "/admin/**").hasRole(AdminPrincipal.OPERATOR)
                .anyRequest().denyAll()).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain management(HttpSecurity http, AuthenticationManager adminAuthentication) throws Exception {
        common(http.securityMatcher("/actuator/**"));
        bearer(http, adminAuthentication, "Bearer realm=\"govhub-admin\"", "Metrics need the operators' or the scraper's bearer token.");
        http.exceptionHandling(e -> e.accessDeniedHandler(ProblemHandlers.forbidden("This token does not reach this resource.")));
        return http.authorizeHttpRequests(rules -> rules
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers(GET, "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                    .hasAnyRole(AdminPrincipal.OPERATOR, AdminTokens.METRICS)
                .anyRequest().denyAll()).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain miniApp(HttpSecurity http, ZaloIdentity identity) throws Exception {
        common(http.securityMatcher("/api/**"));
        http.addFilterBefore(new CitizenTokenFilter(identity), AnonymousAuthenticationFilter.class);
        http.exceptionHandling(e -> e
                .authenticationEntryPoint(ProblemHandlers.unauthorised("Zalo-Access-Token header=\"" + identity.header() + "\"",
                        "Missing " + identity.header() + " header (the Zalo user access token)."))
                .accessDeniedHandler(ProblemHandlers.forbidden("This resource is not for this caller.")));
        String citizen = CitizenAuthentication.ROLE;
        return http.authorizeHttpRequests(rules -> rules
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                // public reads
                .requestMatchers(GET, "/api/v1/openapi.json", "/api/v1/openapi.json/*", "/api/v1/docs", "/api/v1/docs/**",
                        "/api/v1/provinces", "/api/v1/provinces/*",
                        "/api/v1/news", "/api/v1/news/*", "/api/v1/news/sources",
                        "/api/v1/procedures", "/api/v1/procedures/*", "/api/v1/procedures/*/forms/*", "/api/v1/sectors",
                        "/api/v1/dossiers/track/*", "/api/v1/feedback", "/api/v1/feedback/categories").permitAll()
                // the signed-in citizen's own resources
                .requestMatchers(GET, "/api/v1/me", "/api/v1/notifications", "/api/v1/dossiers", "/api/v1/dossiers/*",
                        "/api/v1/feedback/mine", "/api/v1/feedback/*", "/api/v1/feedback/*/photos/*").hasRole(citizen)
                .requestMatchers(POST, "/api/v1/me/phone", "/api/v1/uploads", "/api/v1/dossiers",
                        "/api/v1/dossiers/*/supplements", "/api/v1/dossiers/*/withdrawal", "/api/v1/feedback").hasRole(citizen)
                .anyRequest().denyAll()).build();
    }

    /** Callers that prove themselves inside the request (signatures, signed links, single-use state). */
    @Bean
    @Order(4)
    SecurityFilterChain upstreams(HttpSecurity http) throws Exception {
        common(http.securityMatcher("/webhooks/**", "/files/**", "/oauth/**", "/open311/**"));
        http.exceptionHandling(e -> e.authenticationEntryPoint(ProblemHandlers.notFound())
                .accessDeniedHandler(ProblemHandlers.notFoundDenied()));
        return http.authorizeHttpRequests(rules -> rules
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers(POST, "/webhooks/zalo", "/webhooks/cases/*", "/webhooks/agencies/*/*").permitAll()
                .requestMatchers(GET, "/files/dossiers/*", "/files/feedback/*", "/oauth/zalo/callback").permitAll()
                .requestMatchers(GET, "/open311/v2/**").permitAll()
                .requestMatchers(POST, "/open311/v2/requests.*").permitAll()
                .anyRequest().denyAll()).build();
    }

    /** Everything else: refused, answered as a missing resource; but the pages of the API's documentation. */
    @Bean
    @Order(5)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        common(http.securityMatcher("/**"));
        http.exceptionHandling(e -> e.authenticationEntryPoint(ProblemHandlers.notFound())
                .accessDeniedHandler(ProblemHandlers.notFoundDenied()));
        return http.authorizeHttpRequests(rules -> rules
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers(GET, "/swagger-ui/**").permitAll()
                .anyRequest().denyAll()).build();
    }

    /** What every chain shares: no sessions, no cookies, no CSRF tokens (no cookie is ever trusted), default headers. */
    private static void common(HttpSecurity http) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(Customizer.withDefaults())
                .headers(Customizer.withDefaults());
    }

    private static void bearer(HttpSecurity http, AuthenticationManager manager, String scheme, String detail) throws Exception {
        http.oauth2ResourceServer(rs -> rs.authenticationManagerResolver(request -> manager)
                .authenticationEntryPoint(ProblemHandlers.unauthorised(scheme, detail)));
        http.exceptionHandling(e -> e.authenticationEntryPoint(ProblemHandlers.unauthorised(scheme, detail)));
    }
}
