package vn.govhub.sandbox.zalo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Zalo's side of the webhooks: posts events to the hub's {@code /webhooks/zalo} as Zalo does, signed with
 * {@code X-ZEvent-Signature: mac=sha256(app id + body + timestamp + OA secret key)}, and, on request, with a wrong
 * signature, none, or a stale timestamp. Deliveries are recorded with the status the hub answered; a delivery the
 * hub did not answer with 200 is retried (as Zalo does) up to {@link #MAX_ATTEMPTS} times.
 */
public final class ZaloWebhooks implements AutoCloseable {

    public enum Signing { CORRECT, WRONG, MISSING }

    /** One delivery attempt: event, status answered (-1: no answer), time taken. */
    public record Delivery(String eventName, int status, Duration took) {
    }

    static final int MAX_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZaloSimulator zalo;
    private final URI hub;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService async = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "zalo-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger receiptsPending = new AtomicInteger();
    private final AtomicInteger receiptsFailed = new AtomicInteger();

    /** @param hub the hub's webhook URL, e.g. {@code http://127.0.0.1:8080/webhooks/zalo} */
    public ZaloWebhooks(ZaloSimulator zalo, URI hub) {
        this.zalo = zalo;
        this.hub = hub;
    }

    // ---- events

    public ObjectNode follow(String oaUserId, String appUserId) {
        ObjectNode event = base("follow");
        event.put("oa_id", zalo.oaId()).put("source", "oa_profile").put("user_id_by_app", appUserId);
        event.putObject("follower").put("id", oaUserId);
        return event;
    }

    public ObjectNode unfollow(String oaUserId, String appUserId) {
        ObjectNode event = base("unfollow");
        event.put("oa_id", zalo.oaId()).put("source", "oa_profile").put("user_id_by_app", appUserId);
        event.putObject("follower").put("id", oaUserId);
        return event;
    }

    public ObjectNode userSendText(String oaUserId, String appUserId, String msgId, String text) {
        ObjectNode event = fromUser("user_send_text", oaUserId, appUserId);
        event.putObject("message").put("msg_id", msgId).put("text", text);
        return event;
    }

    public ObjectNode userSubmitInfo(String oaUserId, String appUserId, String name, String phone, String address) {
        ObjectNode event = fromUser("user_submit_info", oaUserId, appUserId);
        event.putObject("info").put("name", name).put("phone", phone).put("address", address)
                .put("city", "").put("district", "");
        return event;
    }

    /** An OA message's receipt: recipient is the OA user. */
    public ObjectNode oaReceipt(String oaUserId, String msgId) {
        ObjectNode event = base("user_received_message");
        event.putObject("sender").put("id", zalo.oaId());
        event.putObject("recipient").put("id", oaUserId);
        event.putObject("message").put("msg_id", msgId);
        return event;
    }

    /** A ZNS receipt (sent with {@code X-ZEvent-Server: ZNS}): recipient is the phone. */
    public ObjectNode znsReceipt(String phone, String msgId, String trackingId, Instant deliveredAt) {
        ObjectNode event = base("user_received_message");
        event.putObject("sender").put("id", zalo.oaId());
        event.putObject("recipient").put("id", phone);
        ObjectNode message = event.putObject("message").put("msg_id", msgId)
                .put("delivery_time", String.valueOf(deliveredAt.toEpochMilli()));
        if (trackingId != null) {
            message.put("tracking_id", trackingId);
        }
        return event;
    }

    public ObjectNode oaEcho(String oaUserId, String msgId, String text) {
        ObjectNode event = base("oa_send_text");
        event.putObject("sender").put("id", zalo.oaId());
        event.putObject("recipient").put("id", oaUserId);
        event.putObject("message").put("msg_id", msgId).put("text", text);
        return event;
    }

    /** Backdates an event (for the stale-timestamp check). */
    public ObjectNode at(ObjectNode event, Instant timestamp) {
        return event.put("timestamp", String.valueOf(timestamp.toEpochMilli()));
    }

    // ---- delivery

    /** Posts the event once, correctly signed; returns the HTTP status the hub answered (-1: none). */
    public int deliver(ObjectNode event) {
        return deliver(event, false, Signing.CORRECT);
    }

    public int deliver(ObjectNode event, boolean fromZns, Signing signing) {
        byte[] body = event.toString().getBytes(StandardCharsets.UTF_8);
        String timestamp = event.path("timestamp").asText();
        HttpRequest.Builder request = HttpRequest.newBuilder(hub).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signing == Signing.CORRECT) {
            request.header("X-ZEvent-Signature", "mac=" + sha256Hex(zalo.appId(), body, timestamp, zalo.oaSecretKey()));
        } else if (signing == Signing.WRONG) {
            request.header("X-ZEvent-Signature", "mac=" + sha256Hex(zalo.appId(), body, timestamp, "not-the-secret"));
        }
        if (fromZns) {
            request.header("X-ZEvent-Server", "ZNS");
        }
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        deliveries.add(new Delivery(event.path("event_name").asText(), status, Duration.ofNanos(System.nanoTime() - start)));
        return status;
    }

    /** Delivers until the hub answers 200, at most {@link #MAX_ATTEMPTS} times (Zalo retries). */
    public int deliverWithRetries(ObjectNode event, boolean fromZns) {
        int status = -1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && status != 200; attempt++) {
            status = deliver(event, fromZns, Signing.CORRECT);
        }
        return status;
    }

    void receiptLater(String recipient, String msgId, String trackingId, boolean fromZns) {
        receiptsPending.incrementAndGet();
        async.execute(() -> {
            try {
                Instant now = zalo.now();
                ObjectNode event = fromZns ? znsReceipt(recipient, msgId, trackingId, now) : oaReceipt(recipient, msgId);
                if (deliverWithRetries(event, fromZns) != 200) {
                    receiptsFailed.incrementAndGet();
                } else if (fromZns) {
                    zalo.delivered(msgId, now);
                }
            } finally {
                receiptsPending.decrementAndGet();
            }
        });
    }

    /** Receipts queued and not yet answered by the hub. */
    public int receiptsPending() {
        return receiptsPending.get();
    }

    /** Receipts the hub never accepted after every retry. */
    public int receiptsFailed() {
        return receiptsFailed.get();
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        async.shutdownNow();
    }

    private ObjectNode base(String eventName) {
        return JSON.createObjectNode().put("app_id", zalo.appId()).put("event_name", eventName)
                .put("timestamp", String.valueOf(zalo.now().toEpochMilli()));
    }

    private ObjectNode fromUser(String eventName, String oaUserId, String appUserId) {
        ObjectNode event = base(eventName);
        event.putObject("sender").put("id", oaUserId);
        event.putObject("recipient").put("id", zalo.oaId());
        event.put("user_id_by_app", appUserId);
        return event;
    }

    /** Computed here, not with the hub's code, so the hub's verification is tested against an independent signer. */
    static String sha256Hex(String first, byte[] body, String timestamp, String last) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(first.getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            sha.update(timestamp.getBytes(StandardCharsets.UTF_8));
            sha.update(last.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
