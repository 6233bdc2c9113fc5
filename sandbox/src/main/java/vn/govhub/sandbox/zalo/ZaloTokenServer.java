package vn.govhub.sandbox.zalo;

import static vn.govhub.sandbox.zalo.ZaloWire.JSON;
import static vn.govhub.sandbox.zalo.ZaloWire.error;
import static vn.govhub.sandbox.zalo.ZaloWire.json;
import static vn.govhub.sandbox.zalo.ZaloWire.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Zalo's OAuth v4 for an Official Account ({@code POST /v4/oa/access_token}) and the access tokens it issued.
 * Refresh tokens are single-use, as on real Zalo, where presenting a used one loses the OA: the simulator counts
 * such reuses so a test can prove the hub never makes one. The OA and ZNS APIs check their tokens, and the
 * per-minute rate limit, here.
 */
final class ZaloTokenServer {

    private static final int DEFAULT_RATE_PER_MINUTE = 4000;

    private final String appId;
    private final String appSecret;
    private final ZaloClock clock;
    private final Map<String, String> codeChallenges = new ConcurrentHashMap<>();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> usedRefreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refreshCalls = new AtomicInteger();
    private final AtomicInteger refreshTokenReuses = new AtomicInteger();
    private final Map<Long, AtomicInteger> callsPerMinute = new ConcurrentHashMap<>();
    private volatile int ratePerMinute = DEFAULT_RATE_PER_MINUTE;

    ZaloTokenServer(String appId, String appSecret, ZaloClock clock) {
        this.appId = appId;
        this.appSecret = appSecret;
        this.clock = clock;
    }

    /** An authorization code bound to the PKCE challenge, as an OA admin's consent gives it. */
    String authorize(String codeChallenge) {
        String code = token("code");
        codeChallenges.put(code, codeChallenge);
        return code;
    }

    /** A valid refresh token issued out of band. */
    String issueRefreshToken() {
        String refresh = token("rt");
        liveRefreshTokens.add(refresh);
        return refresh;
    }

    int refreshCalls() {
        return refreshCalls.get();
    }

    int refreshTokenReuses() {
        return refreshTokenReuses.get();
    }

    void revokeRefreshTokens() {
        liveRefreshTokens.clear();
    }

    void ratePerMinute(int rate) {
        this.ratePerMinute = rate;
    }

    void reset() {
        codeChallenges.clear();
        accessTokens.clear();
        liveRefreshTokens.clear();
        usedRefreshTokens.clear();
        refreshCalls.set(0);
        refreshTokenReuses.set(0);
        ratePerMinute = DEFAULT_RATE_PER_MINUTE;
        callsPerMinute.clear();
    }

    /** {@code POST /v4/oa/access_token}: a code exchange (PKCE checked) or a refresh. */
    ResponseDefinition accessToken(Request request) {
        if (!appSecret.equals(request.getHeader("secret_key"))) {
            return error(-14002, "Invalid secret key");
        }
        Map<String, String> form = form(request.getBodyAsString());
        if (!appId.equals(form.get("app_id"))) {
            return error(-14001, "Invalid app_id");
        }
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals("authorization_code")) {
            String challenge = codeChallenges.remove(form.getOrDefault("code", ""));
            if (challenge == null) {
                return error(-14019, "Invalid authorization code");
            }
            if (!challenge.equals(challengeOf(form.getOrDefault("code_verifier", "")))) {
                return error(-14018, "Invalid code verifier");
            }
            return tokens();
        }
        if (grant.equals("refresh_token")) {
            refreshCalls.incrementAndGet();
            String refresh = form.getOrDefault("refresh_token", "");
            if (usedRefreshTokens.contains(refresh)) {
                refreshTokenReuses.incrementAndGet();
                return error(ZaloSimulator.INVALID_REFRESH_TOKEN, "Invalid refresh token");
            }
            if (!liveRefreshTokens.remove(refresh)) {
                return error(ZaloSimulator.INVALID_REFRESH_TOKEN, "Invalid refresh token");
            }
            usedRefreshTokens.add(refresh);
            return tokens();
        }
        return error(-14003, "Invalid grant_type");
    }

    /**
     * Null when the request's {@code access_token} is good and within the rate limit, else the error answer;
     * {@code expiredCode} is -220 on the OA API, -124 on ZNS.
     */
    ResponseDefinition check(Request request, int expiredCode, int invalidCode) {
        String token = request.getHeader("access_token");
        Instant expires = token == null ? null : accessTokens.get(token);
        if (expires == null) {
            return error(invalidCode, "Access token is invalid");
        }
        if (!clock.now().isBefore(expires)) {
            return error(expiredCode, "Access token has expired");
        }
        long minute = clock.now().getEpochSecond() / 60;
        int calls = callsPerMinute.computeIfAbsent(minute, m -> new AtomicInteger()).incrementAndGet();
        if (calls > ratePerMinute) {
            return error(-32, "Request exceeds rate limit");
        }
        return null;
    }

    private ResponseDefinition tokens() {
        String access = token("at");
        String refresh = token("rt");
        accessTokens.put(access, clock.now().plus(ZaloSimulator.ACCESS_TOKEN_LIFETIME));
        liveRefreshTokens.add(refresh);
        ObjectNode body = JSON.createObjectNode().put("access_token", access).put("refresh_token", refresh)
                .put("expires_in", String.valueOf(ZaloSimulator.ACCESS_TOKEN_LIFETIME.toSeconds()));
        return json(body);
    }

    /** The PKCE S256 challenge of a verifier, computed here, independently of the hub's code. */
    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
