package vn.govhub.sandbox.zalo;

import static vn.govhub.sandbox.zalo.ZaloWire.JSON;
import static vn.govhub.sandbox.zalo.ZaloWire.envelope;
import static vn.govhub.sandbox.zalo.ZaloWire.error;
import static vn.govhub.sandbox.zalo.ZaloWire.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a mini app user is, as Graph tells the hub: {@code GET /v2.0/me} for the user behind a user access token,
 * {@code GET /v2.0/me/info} for the phone number the user consented to share, exchanged once for the short-lived
 * code the mini app's {@code getPhoneNumber()} returned. These tokens are the mini app's, not the OA's, so they
 * live apart from {@link ZaloTokenServer}.
 */
final class MiniAppIdentity {

    private record UserToken(String id, String name) {
    }

    private final String appSecret;
    private final Map<String, UserToken> userTokens = new ConcurrentHashMap<>();
    private final Map<String, String> phoneCodes = new ConcurrentHashMap<>();

    /** @param appSecret what {@code /v2.0/me/info} requires in {@code secret_key} */
    MiniAppIdentity(String appSecret) {
        this.appSecret = appSecret;
    }

    /** A new user access token for this user. */
    String userToken(String appUserId, String name) {
        String token = ZaloWire.token("ut");
        userToken(token, appUserId, name);
        return token;
    }

    /** Registers a known user access token. */
    void userToken(String token, String appUserId, String name) {
        userTokens.put(token, new UserToken(appUserId, name));
    }

    /** A single-use code granting {@code userToken}'s holder the phone number. */
    String phoneCode(String userToken, String phone84) {
        String code = ZaloWire.token("pc");
        phoneCodes.put(code, userToken + "|" + phone84);
        return code;
    }

    void reset() {
        userTokens.clear();
        phoneCodes.clear();
    }

    /** {@code GET /v2.0/me}: the user's id, name and picture. */
    ResponseDefinition me(Request request) {
        UserToken user = userTokens.get(String.valueOf(request.getHeader("access_token")));
        if (user == null) {
            return error(-501, "Access token is invalid");
        }
        ObjectNode answer = JSON.createObjectNode().put("id", user.id()).put("name", user.name());
        answer.putObject("picture").putObject("data")
                .put("url", "https://s120-ava-talk.zadn.vn/sandbox/" + user.id() + ".jpg");
        answer.put("error", 0).put("message", "Success");
        return json(answer);
    }

    /** {@code GET /v2.0/me/info}: the consented phone number, for a code issued to this user's token. */
    ResponseDefinition meInfo(Request request) {
        String token = String.valueOf(request.getHeader("access_token"));
        if (!userTokens.containsKey(token)) {
            return error(-501, "Access token is invalid");
        }
        if (!appSecret.equals(request.getHeader("secret_key"))) {
            return error(-14002, "Invalid secret key");
        }
        String grant = phoneCodes.remove(String.valueOf(request.getHeader("code")));
        if (grant == null || !grant.startsWith(token + "|")) {
            return error(-2002, "Invalid code");
        }
        ObjectNode answer = envelope(0, "Success");
        answer.putObject("data").put("number", grant.substring(token.length() + 1));
        return json(answer);
    }
}
