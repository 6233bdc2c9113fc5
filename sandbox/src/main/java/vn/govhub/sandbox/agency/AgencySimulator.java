package vn.govhub.sandbox.agency;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govhub.sandbox.Simulator;

/**
 * An agency's own feedback (PAKN) system, the shape the hub's agency connector speaks:
 * <pre>
 * POST /api/feedback   Authorization: Bearer {@value #DEFAULT_TOKEN}, Idempotency-Key: &lt;feedbackId&gt;, JSON body
 *                      → 201 {"id":"PAKN-000001","state":4,"message":…}
 *                      → 409 {"id":"PAKN-000001",…} when it already holds that key (counted in duplicatesRefused)
 *                      → 400 body unreadable, no Idempotency-Key, a required field missing; 401 wrong credentials;
 *                        503 while {@link #down(boolean) down}
 * </pre>
 * Every feedback it takes starts in PAKN state 4 (received, vn-egov.md §4) and moves with {@link #advance()} — once
 * {@link #answerAfter(Duration)} has passed on the injected clock since its last step — to 7 (resolving) and then 10
 * (resolved, with an answer in Vietnamese). {@link #reject} refuses it (3 from 4, 6 from 7); {@link #transfer} hands
 * it to another agency (state 2, waiting reception there, with {@code transferTo}). {@link #autoAnswerEvery} runs
 * {@link #advance()} in the background for the demo.
 *
 * <p>Each change, receipt included, is POSTed to {@link #callbacksTo} as
 * {@code {"feedbackId","ticketId","state","note","handler","at","transferTo"?}}, signed with headers
 * {@code X-Govhub-Timestamp} and {@code X-Govhub-Signature: sha256=hex(HMAC-SHA256(secret, ts + "." + body))} —
 * computed here with javax.crypto, independently of the hub's code — and retried a few times on 5xx or no answer.
 * {@link #failNextCallback} spoils one callback on purpose. Callbacks go out in order on one thread; only a
 * callback being retried can be overtaken by the next one (the hub orders updates by {@code at}, not by arrival).
 */
public class AgencySimulator extends Simulator {

    public static final String DEFAULT_SUBMIT_PATH = "/api/feedback";
    public static final String DEFAULT_TOKEN = "agency-sandbox-token";
    public static final String HANDLER = "Phòng Tài nguyên và Môi trường";
    public static final String DEFAULT_ANSWER = "Đơn vị đã kiểm tra thực tế và xử lý xong nội dung phản ánh. "
            + "Trân trọng cảm ơn ông/bà đã phản ánh.";

    public static final int WAITING_RECEPTION = 2;
    public static final int RECEPTION_REFUSED = 3;
    public static final int RECEIVED = 4;
    public static final int RESOLUTION_REFUSED = 6;
    public static final int RESOLVING = 7;
    public static final int RESOLVED = 10;

    /** Callback attempts per change: the first and up to three retries (on 5xx or no answer). */
    public static final int CALLBACK_ATTEMPTS = 4;

    /** A callback spoiled on purpose, once. */
    public enum CallbackFault { WRONG_SIGNATURE, MISSING_SIGNATURE, STALE_TIMESTAMP }

    private static final Logger LOG = LoggerFactory.getLogger(AgencySimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=UTF-8";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration STALE = Duration.ofHours(1);
    private static final List<String> DEFAULT_REQUIRED = List.of("title");

    /**
     * A feedback as held: what was received, where it stands.
     *
     * @param transferredTo the agency it was handed to, else null
     * @param changedAt     when its state last changed (receipt included), on the simulator's clock
     */
    public record Held(String feedbackId, String ticketId, JsonNode feedback, int state, String note,
                       String transferredTo, Instant receivedAt, Instant changedAt) {

        @Override
        public String toString() { // the feedback holds the citizen's name and phone
            return "Held[" + feedbackId + " " + ticketId + ", state " + state + "]";
        }
    }

    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicInteger tickets = new AtomicInteger();
    private final AtomicInteger duplicatesRefused = new AtomicInteger();
    private final AtomicInteger callbacksSent = new AtomicInteger();
    private final AtomicInteger callbacksDelivered = new AtomicInteger();
    private final AtomicReference<CallbackFault> nextCallbackFault = new AtomicReference<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService callbacks = daemonScheduler("agency-simulator-callbacks");
    private final ScheduledExecutorService answers = daemonScheduler("agency-simulator-answers");

    private volatile AuthRule auth; // null: no authentication asked
    private volatile List<String> requiredFields;
    private volatile Duration answerAfter;
    private volatile String answerText;
    private volatile boolean down;
    private volatile URI callbackUrl;
    private volatile String callbackSecret;
    private ScheduledFuture<?> autoAnswer; // guarded by this

    public AgencySimulator(int port) {
        this(port, Clock.systemUTC());
    }

    public AgencySimulator(int port, Clock clock) {
        super("agency", port);
        this.clock = Objects.requireNonNull(clock, "clock");
        defaults();
    }

    // --- what it holds

    public int count() {
        return held.size();
    }

    /** Everything held, in order of arrival. */
    public List<Held> held() {
        return held.values().stream().sorted(Comparator.comparing(Held::ticketId)).toList();
    }

    public Held held(String feedbackId) {
        return held.get(feedbackId);
    }

    /** The ticket id it gave this feedback, null if it does not hold it. */
    public String ticket(String feedbackId) {
        Held h = held.get(feedbackId);
        return h == null ? null : h.ticketId();
    }

    /** Deliveries refused with 409 because the idempotency key was already held. */
    public int duplicatesRefused() {
        return duplicatesRefused.get();
    }

    /** Callback attempts made, retries included. */
    public int callbacksSent() {
        return callbacksSent.get();
    }

    /** Callbacks the hub answered with 2xx. */
    public int callbacksDelivered() {
        return callbacksDelivered.get();
    }

    // --- how it behaves

    public void expectBearer(String token) {
        expectHeader("Authorization", "Bearer " + token);
    }

    public void expectBasic(String username, String password) {
        expectHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public void expectApiKey(String header, String key) {
        expectHeader(header, key);
    }

    public void expectNoAuth() {
        auth = null;
    }

    /** Dot paths that must hold a non-blank value, else 400; {@code title} by default. */
    public void requireFields(String... paths) {
        requiredFields = List.of(paths);
    }

    /** How long a feedback waits in each state before {@link #advance()} moves it on; zero by default. */
    public void answerAfter(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive: " + delay);
        }
        answerAfter = delay;
    }

    /** The answer text sent with state 10. */
    public void answerText(String text) {
        answerText = Objects.requireNonNull(text, "text");
    }

    /**
     * While down, every request is answered 503 (the system is up but in maintenance). To play a machine that is
     * gone (connection refused), use {@link #stop()} and {@link #start()}.
     */
    public void down(boolean down) {
        this.down = down;
    }

    /** Changes are POSTed, signed with {@code secret}, to {@code url}; a null url stops callbacks. */
    public void callbacksTo(URI url, String secret) {
        if (url != null && (secret == null || secret.isBlank())) {
            throw new IllegalArgumentException("callbacks need a secret");
        }
        this.callbackSecret = secret;
        this.callbackUrl = url;
    }

    /** The next callback is spoiled this way; the ones after it are right again. */
    public void failNextCallback(CallbackFault fault) {
        nextCallbackFault.set(Objects.requireNonNull(fault, "fault"));
    }

    /** Runs {@link #advance()} every {@code period} in the background (the demo); null or zero stops it. */
    public synchronized void autoAnswerEvery(Duration period) {
        if (autoAnswer != null) {
            autoAnswer.cancel(false);
            autoAnswer = null;
        }
        if (period != null && !period.isZero() && !period.isNegative()) {
            autoAnswer = answers.scheduleAtFixedRate(this::advanceQuietly, period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    // --- the agency's work

    /**
     * Moves every feedback that has waited {@link #answerAfter} in state 4 or 7 one step on (4 → 7 → 10), calling
     * the hub back for each; returns how many moved.
     */
    public int advance() {
        Instant now = clock.instant();
        int moved = 0;
        for (Held h : held()) {
            if ((h.state() == RECEIVED || h.state() == RESOLVING) && !now.isBefore(h.changedAt().plus(answerAfter))) {
                boolean resolving = h.state() == RECEIVED;
                if (change(h.feedbackId(), h.state(), resolving ? RESOLVING : RESOLVED,
                        resolving ? "Đang xác minh, xử lý nội dung phản ánh" : answerText, null)) {
                    moved++;
                }
            }
        }
        return moved;
    }

    /** Refuses the feedback: reception refused (3) while received, resolution refused (6) while resolving. */
    public void reject(String feedbackId, String reason) {
        Held h = require(feedbackId);
        int to = switch (h.state()) {
            case RECEIVED -> RECEPTION_REFUSED;
            case RESOLVING -> RESOLUTION_REFUSED;
            default -> throw new IllegalStateException(feedbackId + " is in state " + h.state() + ", cannot be refused");
        };
        if (!change(feedbackId, h.state(), to, reason, null)) {
            throw new IllegalStateException(feedbackId + " changed meanwhile");
        }
    }

    /** Hands the feedback to another agency (state 2 there, {@code transferTo} set); only while open here. */
    public void transfer(String feedbackId, String toAgency, String reason) {
        Objects.requireNonNull(toAgency, "toAgency");
        Held h = require(feedbackId);
        if (h.state() != RECEIVED && h.state() != RESOLVING) {
            throw new IllegalStateException(feedbackId + " is in state " + h.state() + ", cannot be transferred");
        }
        if (!change(feedbackId, h.state(), WAITING_RECEPTION, reason, toAgency)) {
            throw new IllegalStateException(feedbackId + " changed meanwhile");
        }
    }

    /** Sets any PAKN state (1..10) with a note, calling the hub back; for cases the lifecycle does not play. */
    public void setState(String feedbackId, int state, String note) {
        if (state < 1 || state > 10) {
            throw new IllegalArgumentException("not a PAKN state: " + state);
        }
        Held h = require(feedbackId);
        change(feedbackId, h.state(), state, note, null);
    }

    @Override
    protected void resetState() {
        autoAnswerEvery(null);
        held.clear();
        tickets.set(0);
        duplicatesRefused.set(0);
        callbacksSent.set(0);
        callbacksDelivered.set(0);
        nextCallbackFault.set(null);
        callbackUrl = null;
        callbackSecret = null;
        defaults();
    }

    private void defaults() {
        expectBearer(DEFAULT_TOKEN);
        requiredFields = DEFAULT_REQUIRED;
        answerAfter = Duration.ZERO;
        answerText = DEFAULT_ANSWER;
        down = false;
    }

    @Override
    protected void registerStubs() {
        stub(post(urlPathEqualTo(DEFAULT_SUBMIT_PATH)), this::submit);
        stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404).withBody("Not Found")));
    }

    // --- the endpoint

    private ResponseDefinition submit(Request request) {
        if (down) {
            return answer(503, message("Hệ thống đang bảo trì, vui lòng thử lại sau"));
        }
        AuthRule rule = auth;
        if (rule != null && !rule.value().equals(request.getHeader(rule.header()))) {
            return answer(401, message("Thông tin xác thực không hợp lệ"));
        }
        String key = request.getHeader("Idempotency-Key");
        if (key == null || key.isBlank()) {
            return answer(400, message("Thiếu Idempotency-Key"));
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return answer(400, message("Dữ liệu phản ánh không hợp lệ"));
        }
        List<String> missing = new ArrayList<>();
        for (String path : requiredFields) {
            JsonNode value = body;
            for (String segment : path.split("\\.")) {
                value = value.path(segment);
            }
            if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
                missing.add(path);
            }
        }
        if (!missing.isEmpty()) {
            return answer(400, message("Thiếu trường bắt buộc: " + String.join(", ", missing)));
        }
        Instant now = clock.instant();
        JsonNode feedback = body;
        boolean[] created = new boolean[1];
        Held h = held.computeIfAbsent(key, k -> {
            created[0] = true;
            return new Held(k, String.format("PAKN-%06d", tickets.incrementAndGet()), feedback, RECEIVED,
                    "Đã tiếp nhận phản ánh", null, now, now);
        });
        if (!created[0]) {
            duplicatesRefused.incrementAndGet();
            return answer(409, message("Phản ánh đã được tiếp nhận trước đó").put("id", h.ticketId()));
        }
        callBack(h);
        return answer(201, message(h.note()).put("id", h.ticketId()).put("state", h.state()));
    }

    private Held require(String feedbackId) {
        Held h = held.get(feedbackId);
        if (h == null) {
            throw new IllegalArgumentException("no feedback " + feedbackId);
        }
        return h;
    }

    /** Moves the feedback from {@code from} to {@code to} unless it moved meanwhile; calls back when it moved. */
    private boolean change(String feedbackId, int from, int to, String note, String transferTo) {
        Instant now = clock.instant();
        Held[] changed = new Held[1];
        held.computeIfPresent(feedbackId, (id, h) -> {
            if (h.state() != from) {
                return h;
            }
            changed[0] = new Held(id, h.ticketId(), h.feedback(), to, note, transferTo, h.receivedAt(), now);
            return changed[0];
        });
        if (changed[0] != null) {
            callBack(changed[0]);
        }
        return changed[0] != null;
    }

    private void advanceQuietly() {
        try {
            advance();
        } catch (RuntimeException e) {
            LOG.warn("agency simulator: background answer failed", e); // keep the schedule alive
        }
    }

    // --- callbacks

    private void callBack(Held h) {
        URI url = callbackUrl;
        String secret = callbackSecret;
        if (url == null || secret == null) {
            return;
        }
        ObjectNode node = JSON.createObjectNode()
                .put("feedbackId", h.feedbackId())
                .put("ticketId", h.ticketId())
                .put("state", h.state())
                .put("note", h.note())
                .put("handler", HANDLER)
                .put("at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(h.changedAt().atZone(VIETNAM)));
        if (h.transferredTo() != null) {
            node.put("transferTo", h.transferredTo());
        }
        byte[] body = bytes(node);
        CallbackFault fault = nextCallbackFault.getAndSet(null);
        long timestamp = clock.instant().getEpochSecond() - (fault == CallbackFault.STALE_TIMESTAMP ? STALE.toSeconds() : 0);
        String signature = "sha256=" + hmac(fault == CallbackFault.WRONG_SIGNATURE ? secret + "-wrong" : secret,
                timestamp, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                .header("Content-Type", JSON_TYPE)
                .header("X-Govhub-Timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (fault != CallbackFault.MISSING_SIGNATURE) {
            request.header("X-Govhub-Signature", signature);
        }
        HttpRequest built = request.build();
        callbacks.execute(() -> send(built, h, 1));
    }

    private void send(HttpRequest request, Held h, int attempt) {
        int status;
        try {
            callbacksSent.incrementAndGet();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status / 100 == 2) {
            callbacksDelivered.incrementAndGet();
            return;
        }
        if ((status == 0 || status >= 500) && attempt < CALLBACK_ATTEMPTS) {
            long backoff = 100L << (attempt - 1); // 100, 200, 400 ms
            callbacks.schedule(() -> send(request, h, attempt + 1), backoff, TimeUnit.MILLISECONDS);
            return;
        }
        LOG.info("agency simulator: callback for {} (state {}) not delivered after {} attempt(s), last HTTP {}",
                h.feedbackId(), h.state(), attempt, status == 0 ? "none" : status);
    }

    /** HMAC-SHA256 hex over {@code timestamp + "." + body}, computed here (javax.crypto), not with the hub's code. */
    static String hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- helpers

    private void expectHeader(String header, String value) {
        auth = new AuthRule(Objects.requireNonNull(header, "header"), Objects.requireNonNull(value, "value"));
    }

    private record AuthRule(String header, String value) {
        @Override
        public String toString() {
            return "AuthRule[" + header + "]";
        }
    }

    private static ObjectNode message(String text) {
        return JSON.createObjectNode().put("message", text);
    }

    private static ResponseDefinition answer(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", JSON_TYPE)
                .withBody(bytes(body)).build();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
