package vn.govhub.connectors.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sending to citizens with an OA access token: OA v3 messages by OA-scoped user id (consultation, template,
 * transaction) and ZNS/ZBS template messages by phone number. Every call reads Zalo's {@code error} field; a
 * failure is a {@link ZaloException} of the right kind.
 */
public class ZaloMessages {

    /** Zalo's limit on a consultation text. */
    public static final int MAX_TEXT = 2000;
    /** Zalo's limit on a ZNS tracking id. */
    public static final int MAX_TRACKING_ID = 48;

    /** What Zalo answered for an OA message. */
    public record OaSent(String messageId, String userId, String sentTime) {
    }

    /** What Zalo answered for a ZNS message; the quota figures when Zalo gave them. */
    public record ZnsSent(String msgId, String sentTime, Optional<Integer> dailyQuota, Optional<Integer> remainingQuota) {
    }

    /** A button under an OA consultation message that opens a URL. */
    public record Button(String title, String url) {
    }

    private final ZaloHttp http;
    private final String appSecret;
    private final boolean appsecretProof;

    /**
     * @param appSecret      the app secret, used only for the optional {@code appsecret_proof} header
     * @param appsecretProof whether to send {@code appsecret_proof = hex(HMAC-SHA256(app secret, access token))}
     */
    public ZaloMessages(ZaloEndpoints endpoints, String appSecret, boolean appsecretProof) {
        this.http = new ZaloHttp(endpoints);
        this.appSecret = appSecret;
        this.appsecretProof = appsecretProof;
    }

    /** Consultation message: text, with an optional image and URL buttons. */
    public OaSent sendConsultation(String accessToken, String userId, String text, String imageUrl, java.util.List<Button> buttons) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text longer than " + MAX_TEXT + " characters");
        }
        ObjectNode body = ZaloHttp.JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        ObjectNode message = body.putObject("message");
        message.put("text", text);
        if (imageUrl != null) {
            ObjectNode payload = message.putObject("attachment").put("type", "template").putObject("payload");
            payload.put("template_type", "media");
            payload.putArray("elements").addObject().put("media_type", "image").put("url", imageUrl);
            addButtons(payload, buttons);
        } else if (buttons != null && !buttons.isEmpty()) {
            ObjectNode payload = message.putObject("attachment").put("type", "template").putObject("payload");
            payload.put("template_type", "button");
            addButtons(payload, buttons);
        }
        return oaSent(http.postJson(oa("/v3.0/oa/message/cs"), headers(accessToken), body));
    }

    /** ZBS template message by user id. */
    public OaSent sendTemplate(String accessToken, String userId, String templateId, Map<String, String> templateData) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", userId);
        body.put("template_id", templateId);
        body.put("template_data", templateData);
        return oaSent(http.postJson(oa("/v3.0/oa/message/template"), headers(accessToken), body));
    }

    /**
     * Transaction message by user id, for OAs still allowed to use it. {@code payload} is the attachment payload:
     * {@code template_type}, {@code language}, {@code elements}, {@code buttons}.
     */
    public OaSent sendTransaction(String accessToken, String userId, JsonNode payload) {
        ObjectNode body = ZaloHttp.JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        body.putObject("message").putObject("attachment").put("type", "template").set("payload", payload);
        return oaSent(http.postJson(oa("/v3.0/oa/message/transaction"), headers(accessToken), body));
    }

    /** ZNS/ZBS template message by phone; {@code phone} is normalised to {@code 84...}. */
    public ZnsSent sendZns(String accessToken, String phone, String templateId, Map<String, String> templateData,
                           String trackingId) {
        if (trackingId != null && trackingId.length() > MAX_TRACKING_ID) {
            throw new IllegalArgumentException("tracking_id longer than " + MAX_TRACKING_ID + " characters");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", PhoneNumbers.toZalo(phone));
        body.put("template_id", templateId);
        body.put("template_data", templateData);
        if (trackingId != null) {
            body.put("tracking_id", trackingId);
        }
        JsonNode data = http.postJson(business("/message/template"), headers(accessToken), body).path("data");
        String msgId = ZaloHttp.text(data, "msg_id");
        if (msgId == null) {
            throw new ZaloException.Transient(0, "ZNS answered success without msg_id", null);
        }
        JsonNode quota = data.path("quota");
        return new ZnsSent(msgId, ZaloHttp.text(data, "sent_time"), number(quota, "dailyQuota"),
                number(quota, "remainingQuota"));
    }

    /** Delivery status of a ZNS message: Zalo's {@code data} object. */
    public JsonNode znsStatus(String accessToken, String msgId) {
        return http.get(business("/message/status?message_id=" + java.net.URLEncoder.encode(msgId, StandardCharsets.UTF_8)),
                headers(accessToken)).path("data");
    }

    /** The OA's ZNS quota today: Zalo's {@code data} object ({@code dailyQuota}, {@code remainingQuota}). */
    public JsonNode znsQuota(String accessToken) {
        return http.get(business("/message/quota"), headers(accessToken)).path("data");
    }

    private java.net.URI oa(String path) {
        return http.endpoints().resolve(http.endpoints().openApi(), path);
    }

    private java.net.URI business(String path) {
        return http.endpoints().resolve(http.endpoints().business(), path);
    }

    private Map<String, String> headers(String accessToken) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("access_token", accessToken);
        if (appsecretProof) {
            headers.put("appsecret_proof", proof(appSecret, accessToken));
        }
        return headers;
    }

    static String proof(String appSecret, String accessToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addButtons(ObjectNode payload, java.util.List<Button> buttons) {
        if (buttons == null || buttons.isEmpty()) {
            return;
        }
        ArrayNode array = payload.putArray("buttons");
        for (Button button : buttons) {
            ObjectNode node = array.addObject().put("title", button.title()).put("type", "oa.open.url");
            node.putObject("payload").put("url", button.url());
        }
    }

    private static OaSent oaSent(JsonNode body) {
        JsonNode data = body.path("data");
        String messageId = ZaloHttp.text(data, "message_id");
        if (messageId == null) {
            throw new ZaloException.Transient(0, "OA API answered success without message_id", null);
        }
        return new OaSent(messageId, ZaloHttp.text(data, "user_id"), ZaloHttp.text(data, "sent_time"));
    }

    private static Optional<Integer> number(JsonNode node, String field) {
        String text = ZaloHttp.text(node, field);
        try {
            return text == null ? Optional.empty() : Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
