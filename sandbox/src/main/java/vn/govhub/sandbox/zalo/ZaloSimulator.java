package vn.govhub.sandbox.zalo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.govhub.sandbox.Simulator;

/**
 * Zalo as the hub meets it (reference: zalo.md), all four hosts on one loopback server:
 * <pre>
 * POST /v4/oa/access_token            OAuth v4: code exchange (PKCE checked) and single-use refresh tokens
 * POST /v3.0/oa/message/cs|template|transaction   OA messages by user id, with the follower and window rules
 * POST /message/template              ZNS by phone, daily quota;  GET /message/status, /message/quota
 * GET  /v2.0/me, /v2.0/me/info        Graph: mini app user, consented phone
 * </pre>
 * Answers carry Zalo's envelope {@code {"error","message","data"}} with HTTP 200, as Zalo does. Time is the
 * simulator's own clock ({@link #advanceClock(Duration)}), so a test can expire tokens without waiting.
 * Every accepted message is recorded ({@link #accepted()}); the webhook side is {@link ZaloWebhooks}.
 *
 * <p>This class is the control surface and the routing; the rules live in three parts that share only the clock:
 * {@link ZaloTokenServer} (OAuth and the OA's tokens), {@link ZaloMessaging} (OA messages and ZNS) and
 * {@link MiniAppIdentity} (the mini app user and their phone).
 */
public final class ZaloSimulator extends Simulator {

    public static final String DEFAULT_APP_ID = "3210987654321";
    public static final String DEFAULT_APP_SECRET = "sandbox-app-secret";
    public static final String DEFAULT_OA_ID = "579745863508352884";
    public static final String DEFAULT_OA_SECRET_KEY = "sandbox-oa-secret-key";
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(25);
    public static final int INVALID_REFRESH_TOKEN = -14014;

    /** One message Zalo accepted. */
    public record Accepted(String channel, String recipient, String messageId, String templateId, String text,
                           String trackingId, String accessToken, Instant at) {
    }

    private final String appId;
    private final String appSecret;
    private final String oaId;
    private final String oaSecretKey;

    private final ZaloClock clock = new ZaloClock();
    private final ZaloTokenServer tokens;
    private final ZaloMessaging messaging;
    private final MiniAppIdentity identity;

    public ZaloSimulator(int port) {
        this(port, DEFAULT_APP_ID, DEFAULT_APP_SECRET, DEFAULT_OA_ID, DEFAULT_OA_SECRET_KEY);
    }

    public ZaloSimulator(int port, String appId, String appSecret, String oaId, String oaSecretKey) {
        super("zalo", port);
        this.appId = appId;
        this.appSecret = appSecret;
        this.oaId = oaId;
        this.oaSecretKey = oaSecretKey;
        this.tokens = new ZaloTokenServer(appId, appSecret, clock);
        this.messaging = new ZaloMessaging(tokens, clock);
        this.identity = new MiniAppIdentity(appSecret);
    }

    public String appId() {
        return appId;
    }

    public String appSecret() {
        return appSecret;
    }

    public String oaId() {
        return oaId;
    }

    public String oaSecretKey() {
        return oaSecretKey;
    }

    // ---- control

    public Instant now() {
        return clock.now();
    }

    /** Moves the simulator's clock: access tokens issued before expire when it passes their 25 h. */
    public void advanceClock(Duration duration) {
        clock.advance(duration);
    }

    /** What an OA admin's consent gives the hub: an authorization code bound to the PKCE challenge. */
    public String authorize(String codeChallenge) {
        return tokens.authorize(codeChallenge);
    }

    /** A valid token pair issued out of band (as an admin pasting a refresh token would have one). */
    public String issueRefreshToken() {
        return tokens.issueRefreshToken();
    }

    /** Refresh calls received (successful or not). */
    public int refreshCalls() {
        return tokens.refreshCalls();
    }

    /** Refresh calls that presented an already used refresh token: each one would lose the OA on real Zalo. */
    public int refreshTokenReuses() {
        return tokens.refreshTokenReuses();
    }

    /** Revokes every refresh token: the next refresh fails permanently, as after an OA admin removes the app. */
    public void revokeRefreshTokens() {
        tokens.revokeRefreshTokens();
    }

    /** Makes {@code oaUserId} a follower who just interacted with the OA. */
    public void follow(String oaUserId) {
        messaging.follow(oaUserId);
    }

    public void unfollow(String oaUserId) {
        messaging.unfollow(oaUserId);
    }

    /** Sets when the follower last interacted (to put them outside the 7-day window). */
    public void lastInteraction(String oaUserId, Instant at) {
        messaging.lastInteraction(oaUserId, at);
    }

    /** A mini app user access token for Graph {@code /v2.0/me}. */
    public String userToken(String appUserId, String name) {
        return identity.userToken(appUserId, name);
    }

    /** Registers a known user access token (the demo's citizen, so a person can call the hub with curl). */
    public void userToken(String token, String appUserId, String name) {
        identity.userToken(token, appUserId, name);
    }

    /** The short-lived code the mini app's getPhoneNumber() returns, for Graph {@code /v2.0/me/info}. */
    public String phoneCode(String userToken, String phone84) {
        return identity.phoneCode(userToken, phone84);
    }

    public void phoneWithoutZalo(String phone84) {
        messaging.phoneWithoutZalo(phone84);
    }

    /** Registers an approved ZNS template and its parameter names. */
    public void registerTemplate(String templateId, Set<String> parameters) {
        messaging.registerTemplate(templateId, parameters);
    }

    public void ratePerMinute(int rate) {
        tokens.ratePerMinute(rate);
    }

    public void dailyQuota(int quota) {
        messaging.dailyQuota(quota);
    }

    /** After each accepted message, send its delivery receipt to the hub through {@code webhooks} (null: none). */
    public void sendReceiptsTo(ZaloWebhooks webhooks) {
        messaging.sendReceiptsTo(webhooks);
    }

    public List<Accepted> accepted() {
        return messaging.accepted();
    }

    /** Marks a ZNS message delivered in the status answer (what a receipt reports). */
    void delivered(String msgId, Instant at) {
        messaging.delivered(msgId, at);
    }

    @Override
    protected void resetState() {
        clock.reset();
        tokens.reset();
        identity.reset();
        messaging.reset();
    }

    // ---- HTTP

    @Override
    protected void registerStubs() {
        stub(post(urlPathEqualTo("/v4/oa/access_token")), tokens::accessToken);
        stub(post(urlPathEqualTo("/v3.0/oa/message/cs")), request -> messaging.oaMessage(request, "cs"));
        stub(post(urlPathEqualTo("/v3.0/oa/message/template")), request -> messaging.oaMessage(request, "template"));
        stub(post(urlPathEqualTo("/v3.0/oa/message/transaction")),
                request -> messaging.oaMessage(request, "transaction"));
        stub(post(urlPathEqualTo("/message/template")), messaging::zns);
        stub(get(urlPathEqualTo("/message/status")), messaging::znsStatus);
        stub(get(urlPathEqualTo("/message/quota")), messaging::znsQuota);
        stub(get(urlPathEqualTo("/v2.0/me")), identity::me);
        stub(get(urlPathEqualTo("/v2.0/me/info")), identity::meInfo);
        stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
    }
}
