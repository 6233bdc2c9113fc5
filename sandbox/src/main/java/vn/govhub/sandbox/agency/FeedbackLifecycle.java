package vn.govhub.sandbox.agency;

import static vn.govhub.sandbox.agency.AgencySimulator.RECEIVED;
import static vn.govhub.sandbox.agency.AgencySimulator.RECEPTION_REFUSED;
import static vn.govhub.sandbox.agency.AgencySimulator.RESOLUTION_REFUSED;
import static vn.govhub.sandbox.agency.AgencySimulator.RESOLVED;
import static vn.govhub.sandbox.agency.AgencySimulator.RESOLVING;
import static vn.govhub.sandbox.agency.AgencySimulator.WAITING_RECEPTION;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govhub.sandbox.agency.AgencySimulator.Held;

/**
 * The feedbacks the agency holds and the PAKN states they go through (vn-egov.md §4): received (4), resolving
 * (7), resolved (10), or refused (3, 6) or transferred (2) on the way. Every change is one compare-and-set on the
 * feedback, so a background answer and a test's own step cannot both move it, and every change is called back.
 */
final class FeedbackLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLifecycle.class);

    /** The outcome of taking in a feedback: the one held under its key, and whether it was new. */
    record Receipt(Held held, boolean created) {
    }

    private final Clock clock;
    private final AgencyCallbacks callbacks;
    private final ScheduledExecutorService answers;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicInteger tickets = new AtomicInteger();
    private volatile Duration answerAfter;
    private volatile String answerText;
    private ScheduledFuture<?> autoAnswer; // guarded by this

    /** @param answers runs {@link #advance()} for {@link #autoAnswerEvery} */
    FeedbackLifecycle(Clock clock, AgencyCallbacks callbacks, ScheduledExecutorService answers) {
        this.clock = clock;
        this.callbacks = callbacks;
        this.answers = answers;
        defaults();
    }

    int count() {
        return held.size();
    }

    /** Everything held, in order of arrival. */
    List<Held> held() {
        return held.values().stream().sorted(Comparator.comparing(Held::ticketId)).toList();
    }

    Held held(String feedbackId) {
        return held.get(feedbackId);
    }

    void answerAfter(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive: " + delay);
        }
        answerAfter = delay;
    }

    void answerText(String text) {
        answerText = Objects.requireNonNull(text, "text");
    }

    synchronized void autoAnswerEvery(Duration period) {
        if (autoAnswer != null) {
            autoAnswer.cancel(false);
            autoAnswer = null;
        }
        if (period != null && !period.isZero() && !period.isNegative()) {
            autoAnswer = answers.scheduleAtFixedRate(this::advanceQuietly, period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Holds a new feedback under its idempotency key, received (state 4) and called back; a key already held
     * keeps the feedback it has.
     */
    Receipt receive(String key, JsonNode feedback) {
        Instant now = clock.instant();
        boolean[] created = new boolean[1];
        Held h = held.computeIfAbsent(key, k -> {
            created[0] = true;
            return new Held(k, String.format("PAKN-%06d", tickets.incrementAndGet()), feedback, RECEIVED,
                    "Đã tiếp nhận phản ánh", null, now, now);
        });
        if (created[0]) {
            callbacks.send(h);
        }
        return new Receipt(h, created[0]);
    }

    /** Moves every feedback that has waited {@code answerAfter} in state 4 or 7 one step on; how many moved. */
    int advance() {
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

    void reject(String feedbackId, String reason) {
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

    void transfer(String feedbackId, String toAgency, String reason) {
        Objects.requireNonNull(toAgency, "toAgency");
        Held h = require(feedbackId);
        if (h.state() != RECEIVED && h.state() != RESOLVING) {
            throw new IllegalStateException(feedbackId + " is in state " + h.state() + ", cannot be transferred");
        }
        if (!change(feedbackId, h.state(), WAITING_RECEPTION, reason, toAgency)) {
            throw new IllegalStateException(feedbackId + " changed meanwhile");
        }
    }

    void setState(String feedbackId, int state, String note) {
        if (state < 1 || state > 10) {
            throw new IllegalArgumentException("not a PAKN state: " + state);
        }
        Held h = require(feedbackId);
        change(feedbackId, h.state(), state, note, null);
    }

    /** Stops the background answers and forgets every feedback. */
    void reset() {
        autoAnswerEvery(null);
        held.clear();
        tickets.set(0);
        defaults();
    }

    private void defaults() {
        answerAfter = Duration.ZERO;
        answerText = AgencySimulator.DEFAULT_ANSWER;
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
            callbacks.send(changed[0]);
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
}
