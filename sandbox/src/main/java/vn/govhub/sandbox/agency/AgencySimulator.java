package vn.govhub.sandbox.agency;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * computed independently of the hub's code ({@link vn.govhub.sandbox.CallbackSignature}) — and retried a few
 * times on 5xx or no answer. {@link #failNextCallback} spoils one callback on purpose. Callbacks go out in order
 * on one thread; only a callback being retried can be overtaken by the next one (the hub orders updates by
 * {@code at}, not by arrival).
 *
 * <p>The parts: {@link AgencyIntake} takes submissions under the auth and field rules, {@link FeedbackLifecycle}
 * holds the feedbacks and moves them through their states, {@link AgencyCallbacks} tells the hub of each change.
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

    private final FeedbackLifecycle lifecycle;
    private final AgencyIntake intake;
    private final AgencyCallbacks callbacks;

    public AgencySimulator(int port) {
        this(port, Clock.systemUTC());
    }

    public AgencySimulator(int port, Clock clock) {
        super("agency", port);
        Objects.requireNonNull(clock, "clock");
        this.callbacks = new AgencyCallbacks(clock, daemonScheduler("agency-simulator-callbacks"));
        this.lifecycle = new FeedbackLifecycle(clock, callbacks, daemonScheduler("agency-simulator-answers"));
        this.intake = new AgencyIntake(lifecycle);
    }

    // --- what it holds

    public int count() {
        return lifecycle.count();
    }

    /** Everything held, in order of arrival. */
    public List<Held> held() {
        return lifecycle.held();
    }

    public Held held(String feedbackId) {
        return lifecycle.held(feedbackId);
    }

    /** The ticket id it gave this feedback, null if it does not hold it. */
    public String ticket(String feedbackId) {
        Held h = lifecycle.held(feedbackId);
        return h == null ? null : h.ticketId();
    }

    /** Deliveries refused with 409 because the idempotency key was already held. */
    public int duplicatesRefused() {
        return intake.duplicatesRefused();
    }

    /** Callback attempts made, retries included. */
    public int callbacksSent() {
        return callbacks.sent();
    }

    /** Callbacks the hub answered with 2xx. */
    public int callbacksDelivered() {
        return callbacks.delivered();
    }

    // --- how it behaves

    public void expectBearer(String token) {
        intake.expectBearer(token);
    }

    public void expectBasic(String username, String password) {
        intake.expectBasic(username, password);
    }

    public void expectApiKey(String header, String key) {
        intake.expectHeader(header, key);
    }

    public void expectNoAuth() {
        intake.expectNoAuth();
    }

    /** Dot paths that must hold a non-blank value, else 400; {@code title} by default. */
    public void requireFields(String... paths) {
        intake.requireFields(List.of(paths));
    }

    /** How long a feedback waits in each state before {@link #advance()} moves it on; zero by default. */
    public void answerAfter(Duration delay) {
        lifecycle.answerAfter(delay);
    }

    /** The answer text sent with state 10. */
    public void answerText(String text) {
        lifecycle.answerText(text);
    }

    /**
     * While down, every request is answered 503 (the system is up but in maintenance). To play a machine that is
     * gone (connection refused), use {@link #stop()} and {@link #start()}.
     */
    public void down(boolean down) {
        intake.down(down);
    }

    /** Changes are POSTed, signed with {@code secret}, to {@code url}; a null url stops callbacks. */
    public void callbacksTo(URI url, String secret) {
        callbacks.to(url, secret);
    }

    /** The next callback is spoiled this way; the ones after it are right again. */
    public void failNextCallback(CallbackFault fault) {
        callbacks.failNext(fault);
    }

    /** Runs {@link #advance()} every {@code period} in the background (the demo); null or zero stops it. */
    public void autoAnswerEvery(Duration period) {
        lifecycle.autoAnswerEvery(period);
    }

    // --- the agency's work

    /**
     * Moves every feedback that has waited {@link #answerAfter} in state 4 or 7 one step on (4 → 7 → 10), calling
     * the hub back for each; returns how many moved.
     */
    public int advance() {
        return lifecycle.advance();
    }

    /** Refuses the feedback: reception refused (3) while received, resolution refused (6) while resolving. */
    public void reject(String feedbackId, String reason) {
        lifecycle.reject(feedbackId, reason);
    }

    /** Hands the feedback to another agency (state 2 there, {@code transferTo} set); only while open here. */
    public void transfer(String feedbackId, String toAgency, String reason) {
        lifecycle.transfer(feedbackId, toAgency, reason);
    }

    /** Sets any PAKN state (1..10) with a note, calling the hub back; for cases the lifecycle does not play. */
    public void setState(String feedbackId, int state, String note) {
        lifecycle.setState(feedbackId, state, note);
    }

    @Override
    protected void resetState() {
        lifecycle.reset();
        intake.reset();
        callbacks.reset();
    }

    @Override
    protected void registerStubs() {
        stub(post(urlPathEqualTo(DEFAULT_SUBMIT_PATH)), intake::submit);
        stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404).withBody("Not Found")));
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
