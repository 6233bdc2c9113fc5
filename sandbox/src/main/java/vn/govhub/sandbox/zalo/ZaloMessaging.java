package vn.govhub.sandbox.zalo;

import static vn.govhub.sandbox.zalo.ZaloWire.JSON;
import static vn.govhub.sandbox.zalo.ZaloWire.body;
import static vn.govhub.sandbox.zalo.ZaloWire.envelope;
import static vn.govhub.sandbox.zalo.ZaloWire.error;
import static vn.govhub.sandbox.zalo.ZaloWire.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import vn.govhub.sandbox.zalo.ZaloSimulator.Accepted;

/**
 * The two ways Zalo carries the hub's notifications, with the rules that decide whether one is accepted: OA
 * messages by user id ({@code /v3.0/oa/message/cs|template|transaction}), only to a follower who interacted
 * within 7 days; and ZNS template messages by phone ({@code /message/template}), only with an approved
 * template's parameters and within the OA's daily quota (days in Vietnam time). Accepted messages are recorded
 * and, when asked, their delivery receipts sent back through {@link ZaloWebhooks}.
 */
final class ZaloMessaging {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern ZALO_PHONE = Pattern.compile("84[35789]\\d{8}");
    private static final int DEFAULT_DAILY_QUOTA = 100_000;

    private record Follower(boolean following, Instant lastInteraction) {
    }

    private final ZaloTokenServer tokens;
    private final ZaloClock clock;
    private final Map<String, Follower> followers = new ConcurrentHashMap<>();
    private final Set<String> phonesWithoutZalo = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> templates = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> znsStatuses = new ConcurrentHashMap<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final AtomicLong messageIds = new AtomicLong(7_000_000_000_000_000_000L);
    private final Map<LocalDate, AtomicInteger> znsSentPerDay = new ConcurrentHashMap<>();
    private volatile int dailyQuota = DEFAULT_DAILY_QUOTA;
    private volatile ZaloWebhooks receipts;

    /** @param tokens checks each call's access token and rate */
    ZaloMessaging(ZaloTokenServer tokens, ZaloClock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    void follow(String oaUserId) {
        followers.put(oaUserId, new Follower(true, clock.now()));
    }

    void unfollow(String oaUserId) {
        followers.computeIfPresent(oaUserId, (id, f) -> new Follower(false, f.lastInteraction()));
    }

    void lastInteraction(String oaUserId, Instant at) {
        followers.compute(oaUserId, (id, f) -> new Follower(f == null || f.following(), at));
    }

    void phoneWithoutZalo(String phone84) {
        phonesWithoutZalo.add(phone84);
    }

    void registerTemplate(String templateId, Set<String> parameters) {
        templates.put(templateId, Set.copyOf(parameters));
    }

    void dailyQuota(int quota) {
        this.dailyQuota = quota;
    }

    void sendReceiptsTo(ZaloWebhooks webhooks) {
        this.receipts = webhooks;
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    /** Marks a ZNS message delivered in the status answer (what a receipt reports). */
    void delivered(String msgId, Instant at) {
        znsStatuses.put(msgId, JSON.createObjectNode().put("delivery_time", String.valueOf(at.toEpochMilli()))
                .put("message", "Delivered").put("status", 1));
    }

    void reset() {
        followers.clear();
        phonesWithoutZalo.clear();
        templates.clear();
        znsStatuses.clear();
        accepted.clear();
        dailyQuota = DEFAULT_DAILY_QUOTA;
        znsSentPerDay.clear();
        receipts = null;
    }

    /** {@code POST /v3.0/oa/message/{kind}}, kind {@code cs}, {@code template} or {@code transaction}. */
    ResponseDefinition oaMessage(Request request, String kind) {
        ResponseDefinition refused = tokens.check(request, -220, -216);
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
        if (follower.lastInteraction().isBefore(clock.now().minus(Duration.ofDays(7)))) {
            return error(-230, "User has not interacted with the OA in the last 7 days");
        }
        String templateId = kind.equals("template") ? body.path("template_id").asText(null) : null;
        String messageId = Long.toHexString(messageIds.incrementAndGet()) + ZaloWire.randomHex(8);
        accepted.add(new Accepted("OA_" + kind.toUpperCase(), userId, messageId, templateId, text, null,
                request.getHeader("access_token"), clock.now()));
        ObjectNode answer = envelope(0, "Success");
        answer.putObject("data").put("message_id", messageId).put("user_id", userId)
                .put("sent_time", String.valueOf(clock.now().toEpochMilli()));
        ZaloWebhooks hook = receipts;
        if (hook != null) {
            hook.receiptLater(userId, messageId, null, false);
        }
        return json(answer);
    }

    /** {@code POST /message/template}: a ZNS message by phone. */
    ResponseDefinition zns(Request request) {
        ResponseDefinition refused = tokens.check(request, -124, -124);
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
        LocalDate today = LocalDate.ofInstant(clock.now(), VIETNAM);
        AtomicInteger sentToday = znsSentPerDay.computeIfAbsent(today, d -> new AtomicInteger());
        int used = sentToday.incrementAndGet();
        if (used > dailyQuota) {
            sentToday.decrementAndGet();
            return error(-144, "OA has exceeded the daily quota");
        }
        String msgId = ZaloWire.randomHex(16);
        accepted.add(new Accepted("ZNS", phone, msgId, templateId, null, trackingId, request.getHeader("access_token"),
                clock.now()));
        znsStatuses.put(msgId, JSON.createObjectNode().put("delivery_time", "").put("message", "Sent").put("status", 0));
        ObjectNode answer = envelope(0, "Success");
        ObjectNode out = answer.putObject("data").put("msg_id", msgId)
                .put("sent_time", String.valueOf(clock.now().toEpochMilli()))
                .put("sending_mode", body.path("sending_mode").asText("1"));
        out.putObject("quota").put("dailyQuota", String.valueOf(dailyQuota))
                .put("remainingQuota", String.valueOf(dailyQuota - used));
        ZaloWebhooks hook = receipts;
        if (hook != null) {
            hook.receiptLater(phone, msgId, trackingId, true);
        }
        return json(answer);
    }

    /** {@code GET /message/status?message_id=}. */
    ResponseDefinition znsStatus(Request request) {
        ResponseDefinition refused = tokens.check(request, -124, -124);
        if (refused != null) {
            return refused;
        }
        String msgId = request.queryParameter("message_id").isPresent()
                ? request.queryParameter("message_id").firstValue() : "";
        JsonNode status = znsStatuses.get(msgId);
        if (status == null) {
            return error(-201, "message_id is invalid");
        }
        ObjectNode answer = envelope(0, "Success");
        answer.set("data", status);
        return json(answer);
    }

    /** {@code GET /message/quota}: today's quota and what is left of it. */
    ResponseDefinition znsQuota(Request request) {
        ResponseDefinition refused = tokens.check(request, -124, -124);
        if (refused != null) {
            return refused;
        }
        int used = znsSentPerDay.getOrDefault(LocalDate.ofInstant(clock.now(), VIETNAM), new AtomicInteger()).get();
        ObjectNode answer = envelope(0, "Success");
        answer.putObject("data").put("dailyQuota", String.valueOf(dailyQuota))
                .put("remainingQuota", String.valueOf(Math.max(0, dailyQuota - used)));
        return json(answer);
    }
}
