package vn.govhub.connectors.cases;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * An OAuth2 client-credentials access token (RFC 6749 §4.4), fetched on first use, kept until shortly before it
 * expires and fetched again when the backend refuses it ({@link #invalidate}). One fetch at a time per adapter;
 * threads that wait get the token the first one fetched. The client authenticates in the form body
 * ({@code client_id}, {@code client_secret}, as Keycloak accepts) or with HTTP Basic (as API gateways such as an
 * LGSP expect).
 */
final class ClientCredentials {

    enum ClientAuth { FORM, BASIC }

    /** Renew this long before the announced expiry, so a token never expires on the way. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private record Token(String value, Instant renewAt) {
    }

    private final CaseHttp http;
    private final String url;
    private final String clientId;
    private final String clientSecret;
    private final ClientAuth auth;
    private final Clock clock;
    private volatile Token token;

    ClientCredentials(CaseHttp http, String url, String clientId, String clientSecret, ClientAuth auth, Clock clock) {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("client-id and client-secret are required for " + url);
        }
        this.http = http;
        this.url = url;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.auth = auth;
        this.clock = clock;
    }

    /** A token valid now. */
    String get() {
        Token current = token;
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return current.value();
        }
        synchronized (this) {
            current = token;
            if (current == null || !clock.instant().isBefore(current.renewAt())) {
                current = fetch();
                token = current;
            }
            return current.value();
        }
    }

    /** Forgets {@code refused} (the backend answered 401 with it); a newer token fetched meanwhile is kept. */
    synchronized void invalidate(String refused) {
        if (token != null && token.value().equals(refused)) {
            token = null;
        }
    }

    private Token fetch() {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        HttpRequest.Builder request = http.request(url).header("Content-Type", "application/x-www-form-urlencoded");
        if (auth == ClientAuth.BASIC) {
            String pair = clientId + ":" + clientSecret;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.append("&client_id=").append(encode(clientId)).append("&client_secret=").append(encode(clientSecret));
        }
        CaseHttp.Answer answer = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
        if (!answer.ok()) {
            throw CaseHttp.refused("token request", answer);
        }
        JsonNode body = answer.body();
        String value = body.path("access_token").asText(null);
        if (value == null || value.isBlank()) {
            throw new CaseSystemException.Permanent("token answer without access_token", null);
        }
        long seconds = body.path("expires_in").asLong(300);
        Duration life = Duration.ofSeconds(Math.max(1, seconds));
        Duration keep = life.compareTo(MARGIN.multipliedBy(2)) > 0 ? life.minus(MARGIN) : life.dividedBy(2);
        return new Token(value, clock.instant().plus(keep));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
