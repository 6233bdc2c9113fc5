package vn.govhub.access;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators and officers signed in by an OpenID Connect provider: the provider is a loopback server publishing its
 * key set, the tokens are signed here with its key. Roles and agencies come from the configured claims; expired,
 * foreign, mis-addressed and role-less tokens are refused; the static tokens keep working beside.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.admin.token=oidc-test-static-token",
        "govhub.admin.oidc.issuer-uri=https://sso.example.gov.vn/realms/tinh",
        "govhub.admin.oidc.audience=govhub",
        "govhub.admin.oidc.roles-claim=realm_access.roles"})
class OidcOperatorsTest {

    private static final RSAKey KEY = key("provider");
    private static final RSAKey STRANGER = key("stranger");
    private static final String ISSUER = "https://sso.example.gov.vn/realms/tinh";
    private static final HttpServer PROVIDER = provider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("govhub.admin.oidc.jwk-set-uri", () -> "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/certs");
    }

    @AfterAll
    static void stop() {
        PROVIDER.stop(0);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOperatorRoleReachesEveryAdminResource() throws Exception {
        String token = token(KEY, ISSUER, "govhub", Map.of("realm_access", Map.of("roles", List.of("govhub-operator"))), 300);
        assertThat(get("/admin/config", token).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", token).statusCode()).isEqualTo(200);
    }

    @Test
    void anOfficerRoleReachesTheFeedbackInboxOnly() throws Exception {
        String token = token(KEY, ISSUER, "govhub", Map.of("realm_access", Map.of("roles", List.of("govhub-officer")),
                "govhub_agencies", List.of("tay-ninh/ubnd-p1")), 300);
        assertThat(get("/admin/feedback", token).statusCode()).isEqualTo(200);
        assertThat(get("/admin/config", token).statusCode()).isEqualTo(403);
    }

    @Test
    void expiredForeignMisaddressedAndRolelessTokensAreRefused() throws Exception {
        Map<String, Object> operator = Map.of("realm_access", Map.of("roles", List.of("govhub-operator")));
        assertThat(get("/admin/config", token(KEY, ISSUER, "govhub", operator, -120)).statusCode()).as("expired").isEqualTo(401);
        assertThat(get("/admin/config", token(STRANGER, ISSUER, "govhub", operator, 300)).statusCode()).as("other key").isEqualTo(401);
        assertThat(get("/admin/config", token(KEY, "https://evil.example.com", "govhub", operator, 300)).statusCode()).as("issuer").isEqualTo(401);
        assertThat(get("/admin/config", token(KEY, ISSUER, "another-app", operator, 300)).statusCode()).as("audience").isEqualTo(401);
        assertThat(get("/admin/config", token(KEY, ISSUER, "govhub", Map.of("realm_access", Map.of("roles", List.of("viewer"))), 300))
                .statusCode()).as("no role").isEqualTo(401);
        HttpResponse<String> garbage = get("/admin/config", "not-a-jwt-nor-a-token");
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(garbage.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void theStaticOperatorTokenStillWorks() throws Exception {
        assertThat(get("/admin/config", "oidc-test-static-token").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(RSAKey key, String issuer, String audience, Map<String, Object> claims, long validSeconds)
            throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("u-42")
                .claim("preferred_username", "can-bo-42").issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(validSeconds)));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                set.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the provider's public key set, as {@code /protocol/openid-connect/certs} would. */
    private static HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] keys = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                exchange.getResponseBody().write(keys);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
