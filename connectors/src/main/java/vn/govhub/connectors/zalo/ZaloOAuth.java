package vn.govhub.connectors.zalo;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OA OAuth v4 of one Zalo app: the consent URL (with a PKCE challenge), the exchange of an authorization code, and
 * the refresh of an access token. The refresh token is single-use: the caller must store the pair this returns
 * before anything uses it, and must never present the old refresh token again.
 */
public class ZaloOAuth {

    private static final String TOKEN_PATH = "/v4/oa/access_token";

    private final ZaloHttp http;
    private final String appId;
    private final String appSecret;
    private final Clock clock;

    public ZaloOAuth(ZaloEndpoints endpoints, String appId, String appSecret, Clock clock) {
        this.http = new ZaloHttp(endpoints);
        this.appId = appId;
        this.appSecret = appSecret;
        this.clock = clock;
    }

    /** Where an OA admin grants the app access; Zalo then redirects to {@code redirectUri} with a code. */
    public URI consentUrl(String redirectUri, String codeChallenge, String state) {
        return http.endpoints().resolve(http.endpoints().oauth(), "/v4/oa/permission?app_id=" + enc(appId)
                + "&redirect_uri=" + enc(redirectUri) + "&code_challenge=" + enc(codeChallenge) + "&state=" + enc(state));
    }

    public OaTokens exchangeCode(String code, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("app_id", appId);
        form.put("grant_type", "authorization_code");
        form.put("code_verifier", codeVerifier);
        return tokens(form);
    }

    public OaTokens refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("refresh_token", refreshToken);
        form.put("app_id", appId);
        form.put("grant_type", "refresh_token");
        return tokens(form);
    }

    private OaTokens tokens(Map<String, String> form) {
        JsonNode body = http.postForm(http.endpoints().resolve(http.endpoints().oauth(), TOKEN_PATH),
                Map.of("secret_key", appSecret), form);
        String access = ZaloHttp.text(body, "access_token");
        String refresh = ZaloHttp.text(body, "refresh_token");
        String expiresIn = ZaloHttp.text(body, "expires_in");
        if (access == null || refresh == null || expiresIn == null) {
            throw new ZaloException.Permanent(0, "Zalo OAuth answered without access_token, refresh_token and expires_in");
        }
        long seconds;
        try {
            seconds = Long.parseLong(expiresIn.trim());
        } catch (NumberFormatException e) {
            throw new ZaloException.Permanent(0, "Zalo OAuth expires_in is not a number of seconds");
        }
        return new OaTokens(access, refresh, clock.instant().plus(Duration.ofSeconds(seconds)));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
