package vn.govhub.connectors.zalo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zalo Graph for mini app users: who a user access token belongs to ({@code /v2.0/me}) and the phone number the
 * user consented to share ({@code /v2.0/me/info} with the consent code and the app secret, server side only).
 */
public class ZaloGraph {

    /** A mini app user; {@code id} is scoped to the app. */
    public record User(String id, String name, String pictureUrl) {
    }

    private final ZaloHttp http;
    private final String appSecret;

    public ZaloGraph(ZaloEndpoints endpoints, String appSecret) {
        this.http = new ZaloHttp(endpoints);
        this.appSecret = appSecret;
    }

    /** @throws ZaloException.TokenInvalid if Zalo does not know the token */
    public User me(String userAccessToken) {
        JsonNode body = http.get(http.endpoints().resolve(http.endpoints().graph(), "/v2.0/me?fields=id,name,picture"),
                Map.of("access_token", userAccessToken));
        String id = ZaloHttp.text(body, "id");
        if (id == null || id.isBlank()) {
            throw new ZaloException.TokenInvalid(0, "Graph /me answered without a user id");
        }
        return new User(id, ZaloHttp.text(body, "name"), ZaloHttp.text(body.path("picture").path("data"), "url"));
    }

    /** The consented phone number, {@code 84...}. */
    public String phone(String userAccessToken, String consentCode) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("access_token", userAccessToken);
        headers.put("code", consentCode);
        headers.put("secret_key", appSecret);
        JsonNode body = http.get(http.endpoints().resolve(http.endpoints().graph(), "/v2.0/me/info"), headers);
        String number = ZaloHttp.text(body.path("data"), "number");
        if (number == null) {
            throw new ZaloException.Permanent(0, "Graph /me/info answered without data.number");
        }
        return PhoneNumbers.toZalo(number);
    }
}
