package vn.govhub.connectors.zalo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One webhook delivery from Zalo, read from its envelope: {@code app_id}, {@code event_name}, {@code timestamp}
 * (ms, as a string), {@code sender.id}, {@code recipient.id}, {@code message{...}}, {@code user_id_by_app}; follow
 * and unfollow carry {@code follower.id} and {@code oa_id}; user_submit_info carries {@code info}. A ZNS receipt
 * comes with header {@code X-ZEvent-Server: ZNS} and the phone as recipient.
 */
public record ZaloWebhookEvent(String appId, String eventName, String timestamp, String senderId, String recipientId,
                               String oaId, String followerId, String userIdByApp, String msgId, String text,
                               String trackingId, String deliveryTime, String infoName, String infoPhone,
                               String infoAddress, boolean fromZns, JsonNode body) {

    /** @throws IllegalArgumentException if the body is not a JSON object with event_name and timestamp */
    public static ZaloWebhookEvent parse(byte[] rawBody, boolean fromZns) {
        JsonNode body;
        try {
            body = ZaloHttp.JSON.readTree(new String(rawBody, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("webhook body is not a JSON object");
        }
        String eventName = ZaloHttp.text(body, "event_name");
        String timestamp = ZaloHttp.text(body, "timestamp");
        if (eventName == null || timestamp == null) {
            throw new IllegalArgumentException("webhook body lacks event_name or timestamp");
        }
        JsonNode message = body.path("message");
        JsonNode info = body.path("info");
        return new ZaloWebhookEvent(ZaloHttp.text(body, "app_id"), eventName, timestamp,
                ZaloHttp.text(body.path("sender"), "id"), ZaloHttp.text(body.path("recipient"), "id"),
                ZaloHttp.text(body, "oa_id"), ZaloHttp.text(body.path("follower"), "id"),
                ZaloHttp.text(body, "user_id_by_app"), ZaloHttp.text(message, "msg_id"),
                ZaloHttp.text(message, "text"), ZaloHttp.text(message, "tracking_id"),
                ZaloHttp.text(message, "delivery_time"), ZaloHttp.text(info, "name"), ZaloHttp.text(info, "phone"),
                ZaloHttp.text(info, "address"), fromZns, body);
    }

    /** The body's timestamp as an instant; null if it is not a number of milliseconds. */
    public Instant sentAt() {
        try {
            return Instant.ofEpochMilli(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The OA-scoped id of the citizen this event is about (the follower, the sender, or a receipt's recipient). */
    public String citizenOaId() {
        if (followerId != null) {
            return followerId;
        }
        if (eventName.startsWith("user_")) {
            boolean receipt = eventName.equals("user_received_message") || eventName.equals("user_seen_message");
            return receipt ? (fromZns ? null : recipientId) : senderId;
        }
        return null;
    }

    /** The OA's own echo of what it sent: never to be answered. */
    public boolean isOaEcho() {
        return eventName.startsWith("oa_send_");
    }

    /** What identifies this delivery across Zalo's retries. */
    public String dedupeKey() {
        if (msgId != null) {
            return eventName + ":" + msgId;
        }
        String who = followerId != null ? followerId : senderId;
        return eventName + ":" + who + ":" + timestamp;
    }

    @Override
    public String toString() {
        return "ZaloWebhookEvent[" + eventName + (fromZns ? " (ZNS)" : "") + ", " + timestamp + "]";
    }
}
