package vn.govhub.sandbox.zalo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import vn.govhub.sandbox.Simulator;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

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
 */
public final class ZaloSimulator extends Simulator {

    public static final String DEFAULT_APP_ID = "3210987654321";
    public static final String DEFAULT_APP_SECRET = "sandbox-app-secret";
    public static final String DEFAULT_OA_ID = "579745863508352884";
    public static final String DEFAULT_OA_SECRET_KEY = "sandbox-oa-secret-key";
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(25);
    public static final int INVALID_REFRESH_TOKEN = -14014;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One message Zalo accepted. */
    public record Accepted(String channel, String recipient, String messageId, String templateId, String text,
                           String trackingId, String accessToken, Instant at) {
    }

    private record Follower(boolean following, Instant lastInteraction) {
    }

    private record UserToken(String id, String name) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ZALO_PHONE = Pattern.compile("84[35789]\\d{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String appId;
    private final String appSecret;
    private final String oaId;
    private final String oaSecretKey;

    private final AtomicLong clockOffsetMillis = new AtomicLong();
    private final Map<String, String> codeChallenges = new ConcurrentHashMap<>();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> usedRefreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refreshCalls = new AtomicInteger();
    private final AtomicInteger refreshTokenReuses = new AtomicInteger();
    private final Map<String, Follower> followers = new ConcurrentHashMap<>();
    private final Map<String, UserToken> userTokens = new ConcurrentHashMap<>();
    private final Map<String, String> phoneCodes = new ConcurrentHashMap<>();
    private final Set<String> phonesWithoutZalo = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> templates = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> znsStatuses = new ConcurrentHashMap<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final AtomicLong messageIds = new AtomicLong(7_000_000_000_000_000_000L);

    private volatile int ratePerMinute = 4000;
    private final Map<Long, AtomicInteger> callsPerMinute = new ConcurrentHashMap<>();
    private volatile int dailyQuota = 100_000;
    private final Map<LocalDate, AtomicInteger> znsSentPerDay = new ConcurrentHashMap<>();
    private volatile ZaloWebhooks receipts;

    public ZaloSimulator(int port) {
        this(port, DEFAULT_APP_ID, DEFAULT_APP_SECRET, DEFAULT_OA_ID, DEFAULT_OA_SECRET_KEY);
    }

    public ZaloSimulator(int port, String appId, String appSecret, String oaId, String oaSecretKey) {
        super("zalo", port);
        this.appId = appId;
        this.appSecret = appSecret;
        this.oaId = oaId;
        this.oaSecretKey = oaSecretKey;
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
        return Instant.now().plusMillis(clockOffsetMillis.get());
    }

    /** Moves the simulator's clock: access tokens issued before expire when it passes their 25 h. */
    public void advanceClock(Duration duration) {
        clockOffsetMillis.addAndGet(duration.toMillis());
    }

    /** What an OA admin's consent gives the hub: an authorization code bound to the PKCE challenge. */
    public String authorize(String codeChallenge) {
        String code = token("code");
        codeChallenges.put(code, codeChallenge);
        return code;
    }

    /** A valid token pair issued out of band (as an admin pasting a refresh token would have one). */
    public String issueRefreshToken() {
        String refresh = token("rt");
        liveRefreshTokens.add(refresh);
        return refresh;
    }

    /** Refresh calls received (successful or not). */
    public int refreshCalls() {
        return refreshCalls.get();
    }

    /** Refresh calls that presented an already used refresh token: each one would lose the OA on real Zalo. */
    public int refreshTokenReuses() {
        return refreshTokenReuses.get();
    }

    /** Revokes every refresh token: the next refresh fails permanently, as after an OA admin removes the app. */
    public void revokeRefreshTokens() {
        liveRefreshTokens.clear();
    }

    /** Makes {@code oaUserId} a follower who just interacted with the OA. */
    public void follow(String oaUserId) {
        followers.put(oaUserId, new Follower(true, now()));
    }

    public void unfollow(String oaUserId) {
        followers.computeIfPresent(oaUserId, (id, f) -> new Follower(false, f.lastInteraction()));
    }

    /** Sets when the follower last interacted (to put them outside the 7-day window). */
    public void lastInteraction(String oaUserId, Instant at) {
        followers.compute(oaUserId, (id, f) -> new Follower(f == null || f.following(), at));
    }

    /** A mini app user access token for Graph {@code /v2.0/me}. */
    public String userToken(String appUserId, String name) {
        String token = token("ut");
        userTokens.put(token, new UserToken(appUserId, name));
        return token;
    }

    /** Registers a known user access token (the demo's citizen, so a person can call the hub with curl). */
    public void userToken(String token, String appUserId, String name) {
        userTokens.put(token, new UserToken(appUserId, name));
    }

    /** The short-lived code the mini app's getPhoneNumber() returns, for Graph {@code /v2.0/me/info}. */
    public String phoneCode(String userToken, String phone84) {
        String code = token("pc");
        phoneCodes.put(code, userToken + "|" + phone84);
        return code;
    }

    public void phoneWithoutZalo(String phone84) {
        phonesWithoutZalo.add(phone84);
    }

    /** Registers an approved ZNS template and its parameter names. */
    public void registerTemplate(String templateId, Set<String> parameters) {
        templates.put(templateId, Set.copyOf(parameters));
    }

    public void ratePerMinute(int rate) {
        this.ratePerMinute = rate;
    }

    public void dailyQuota(int quota) {
        this.dailyQuota = quota;
    }

    /** After each accepted message, send its delivery receipt to the hub through {@code webhooks} (null: none). */
    public void sendReceiptsTo(ZaloWebhooks webhooks) {
        this.receipts = webhooks;
    }

    public List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    protected void resetState() {
        clockOffsetMillis.set(0);
        codeChallenges.clear();
        accessTokens.clear();
        liveRefreshTokens.clear();
        usedRefreshTokens.clear();
        refreshCalls.set(0);
        refreshTokenReuses.set(0);
        followers.clear();
        userTokens.clear();
        phoneCodes.clear();
        phonesWithoutZalo.clear();
        templates.clear();
        znsStatuses.clear();
        accepted.clear();
        ratePerMinute = 4000;
        callsPerMinute.clear();
        dailyQuota = 100_000;
        znsSentPerDay.clear();
        receipts = null;
    }

    // ---- HTTP

    @Override
    protected void registerStubs() {
        stub(post(urlPathEqualTo("/v4/oa/access_token")), this::accessToken);
        stub(post(urlPathEqualTo("/v3.0/oa/message/cs")), request -> oaMessage(request, "cs"));
        stub(post(urlPathEqualTo("/v3.0/oa/message/template")), request -> oaMessage(request, "template"));
        stub(post(urlPathEqualTo("/v3.0/oa/message/transaction")), request -> oaMessage(request, "transaction"));
        stub(post(urlPathEqualTo("/message/template")), this::zns);
        stub(get(urlPathEqualTo("/message/status")), this::znsStatus);
        stub(get(urlPathEqualTo("/message/quota")), this::znsQuota);
        stub(get(urlPathEqualTo("/v2.0/me")), this::me);
        stub(get(urlPathEqualTo("/v2.0/me/info")), this::meInfo);
        stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
    }

    private ResponseDefinition accessToken(Request request) {
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
                return error(INVALID_REFRESH_TOKEN, "Invalid refresh token");
            }
            if (!liveRefreshTokens.remove(refresh)) {
                return error(INVALID_REFRESH_TOKEN, "Invalid refresh token");
            }
            usedRefreshTokens.add(refresh);
            return tokens();
        }
        return error(-14003, "Invalid grant_type");
    }

    private ResponseDefinition tokens() {
        String access = token("at");
        String refresh = token("rt");
        accessTokens.put(access, now().plus(ACCESS_TOKEN_LIFETIME));
        liveRefreshTokens.add(refresh);
        ObjectNode body = JSON.createObjectNode().put("access_token", access).put("refresh_token", refresh)
                .put("expires_in", String.valueOf(ACCESS_TOKEN_LIFETIME.toSeconds()));
        return json(body);
    }

    /** Null when the token is good, else the error answer; {@code expired} is -220 on the OA API, -124 on ZNS. */
    private ResponseDefinition checkToken(Request request, int expiredCode, int invalidCode) {
        String token = request.getHeader("access_token");
        Instant expires = token == null ? null : accessTokens.get(token);
        if (expires == null) {
            return error(invalidCode, "Access token is invalid");
        }
        if (!now().isBefore(expires)) {
            return error(expiredCode, "Access token has expired");
        }
        long minute = now().getEpochSecond() / 60;
        int calls = callsPerMinute.computeIfAbsent(minute, m -> new AtomicInteger()).incrementAndGet();
        if (calls > ratePerMinute) {
            return error(-32, "Request exceeds rate limit");
        }
        return null;
    }

    private ResponseDefinition oaMessage(Request request, String kind) {
        ResponseDefinition refused = checkToken(request, -220, -216);
        if (refused != null) {
            return refused;
        }
        JsonNode body = body(request);
        if (body == null) {
            return error(-201, "Parameters are invalid");
        }
        String userId = kind.equals("template") ? body.path("user_id").asText(null)
                : body.path("recipient").path("user_id").asText(null);
        if (userId == null || userId.isBlank()) {
            return error(-201, "user_id is invalid");
        }
        String text = body.path("message").path("text").asText(null);
        if (kind.equals("cs") && text != null && text.length() > 2000) {
            return error(-201, "Text is too long");
        }
        Follower follower = followers.get(userId);
        if (follower == null || follower.lastInteraction() == null) {
            return error(-232, "User has not interacted with the OA");
        }
        if (!follower.following()) {
            return error(-213, "User has not followed the OA");
        }
        if (follower.lastInteraction().isBefore(now().minus(Duration.ofDays(7)))) {
            return error(-230, "User has not interacted with the OA in the last 7 days");
        }
        String templateId = kind.equals("template") ? body.path("template_id").asText(null) : null;
        String messageId = nextMessageId();
        accepted.add(new Accepted("OA_" + kind.toUpperCase(), userId, messageId, templateId, text, null,
                request.getHeader("access_token"), now()));
        ObjectNode answer = envelope(0, "Success");
        answer.putObject("data").put("message_id", messageId).put("user_id", userId)
                .put("sent_time", String.valueOf(now().toEpochMilli()));
        ZaloWebhooks hook = receipts;
        if (hook != null) {
            hook.receiptLater(userId, messageId, null, false);
        }
        return json(answer);
    }

    private ResponseDefinition zns(Request request) {
        ResponseDefinition refused = checkToken(request, -124, -124);
        if (refused != null) {
            return refused;
        }
        JsonNode body = body(request);
        if (body == null) {
            return error(-100, "Unknown error");
        }
        String phone = body.path("phone").asText("");
        if (!ZALO_PHONE.matcher(phone).matches()) {
            return error(-108, "Phone number is invalid");
        }
        String templateId = body.path("template_id").asText("");
        Set<String> parameters = templates.get(templateId);
        if (parameters == null) {
            return error(-109, "Template id is invalid");
        }
        JsonNode data = body.path("template_data");
        if (!data.isObject() || data.isEmpty()) {
            return error(-111, "Template data is empty");
        }
        for (String parameter : parameters) {
            if (!data.hasNonNull(parameter) || data.get(parameter).asText().isBlank()) {
                return error(-112, "Template data is invalid: missing " + parameter);
            }
        }
        String trackingId = body.path("tracking_id").asText(null);
        if (trackingId != null && trackingId.length() > 48) {
            return error(-112, "tracking_id is too long");
        }
        if (phonesWithoutZalo.contains(phone)) {
            return error(-118, "Zalo account does not exist");
        }
        LocalDate today = LocalDate.ofInstant(now(), VIETNAM);
        AtomicInteger sentToday = znsSentPerDay.computeIfAbsent(today, d -> new AtomicInteger());
        int used = sentToday.incrementAndGet();
        if (used > dailyQuota) {
            sentToday.decrementAndGet();
            return error(-144, "OA has exceeded the daily quota");
        }
        String msgId = HexFormat.of().formatHex(randomBytes(16));
        accepted.add(new Accepted("ZNS", phone, msgId, templateId, null, trackingId, request.getHeader("access_token"), now()));
        znsStatuses.put(msgId, JSON.createObjectNode().put("delivery_time", "").put("message", "Sent").put("status", 0));
        ObjectNode answer = envelope(0, "Success");
        ObjectNode out = answer.putObject("data").put("msg_id", msgId).put("sent_time", String.valueOf(now().toEpochMilli()))
                .put("sending_mode", body.path("sending_mode").asText("1"));
        out.putObject("quota").put("dailyQuota", String.valueOf(dailyQuota))
                .put("remainingQuota", String.valueOf(dailyQuota - used));
        ZaloWebhooks hook = receipts;
        if (hook != null) {
            hook.receiptLater(phone, msgId, trackingId, true);
        }
        return json(answer);
    }

    /** Marks a ZNS message delivered in the status answer (what a receipt reports). */
    void delivered(String msgId, Instant at) {
        znsStatuses.put(msgId, JSON.createObjectNode().put("delivery_time", String.valueOf(at.toEpochMilli()))
                .put("message", "Delivered").put("status", 1));
    }

    private ResponseDefinition znsStatus(Request request) {
        ResponseDefinition refused = checkToken(request, -124, -124);
        if (refused != null) {
            return refused;
        }
        String msgId = request.queryParameter("message_id").isPresent() ? request.queryParameter("message_id").firstValue() : "";
        JsonNode status = znsStatuses.get(msgId);
        if (status == null) {
            return error(-201, "message_id is invalid");
        }
        ObjectNode answer = envelope(0, "Success");
        answer.set("data", status);
        return json(answer);
    }

    private ResponseDefinition znsQuota(Request request) {
        ResponseDefinition refused = checkToken(request, -124, -124);
        if (refused != null) {
            return refused;
        }
        int used = znsSentPerDay.getOrDefault(LocalDate.ofInstant(now(), VIETNAM), new AtomicInteger()).get();
        ObjectNode answer = envelope(0, "Success");
        answer.putObject("data").put("dailyQuota", String.valueOf(dailyQuota))
                .put("remainingQuota", String.valueOf(Math.max(0, dailyQuota - used)));
        return json(answer);
    }

    private ResponseDefinition me(Request request) {
        UserToken user = userTokens.get(String.valueOf(request.getHeader("access_token")));
        if (user == null) {
            return error(-501, "Access token is invalid");
        }
        ObjectNode answer = JSON.createObjectNode().put("id", user.id()).put("name", user.name());
        answer.putObject("picture").putObject("data").put("url", "https://s120-ava-talk.zadn.vn/sandbox/" + user.id() + ".jpg");
        answer.put("error", 0).put("message", "Success");
        return json(answer);
    }

    private ResponseDefinition meInfo(Request request) {
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

    // ---- helpers

    private String nextMessageId() {
        return Long.toHexString(messageIds.incrementAndGet()) + HexFormat.of().formatHex(randomBytes(8));
    }

    private static String token(String kind) {
        return kind + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

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

    private static JsonNode body(Request request) {
        try {
            JsonNode node = JSON.readTree(request.getBodyAsString());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static ObjectNode envelope(int error, String message) {
        return JSON.createObjectNode().put("error", error).put("message", message);
    }

    private static ResponseDefinition error(int code, String message) {
        return json(envelope(code, message));
    }

    private static ResponseDefinition json(JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body.toString()).build();
    }

}
