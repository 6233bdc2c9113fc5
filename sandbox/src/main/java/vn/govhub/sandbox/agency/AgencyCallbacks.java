package vn.govhub.sandbox.agency;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govhub.sandbox.CallbackSignature;
import vn.govhub.sandbox.agency.AgencySimulator.CallbackFault;
import vn.govhub.sandbox.agency.AgencySimulator.Held;

/**
 * Tells the hub about every change of a feedback, as the agency's system would: a signed POST
 * ({@link CallbackSignature}), retried with a short backoff on 5xx or no answer, never on a 4xx (the hub refused
 * it for good). Callbacks go out in order on the one thread of the executor given; only a callback being retried
 * can be overtaken by the next one, which is why the hub orders updates by {@code at}, not by arrival.
 */
final class AgencyCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyCallbacks.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration STALE = Duration.ofHours(1);

    private final Clock clock;
    private final ScheduledExecutorService sender;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicReference<CallbackFault> nextFault = new AtomicReference<>();
    /** Bumped by {@link #reset}: retries of callbacks queued before it are dropped, not counted. */
    private final AtomicInteger generation = new AtomicInteger();
    private volatile URI url;
    private volatile String secret;

    /** @param sender a single-threaded executor, so that callbacks leave in the order of the changes */
    AgencyCallbacks(Clock clock, ScheduledExecutorService sender) {
        this.clock = clock;
        this.sender = sender;
    }

    /** Changes are POSTed, signed with {@code secret}, to {@code url}; a null url stops callbacks. */
    void to(URI url, String secret) {
        if (url != null && (secret == null || secret.isBlank())) {
            throw new IllegalArgumentException("callbacks need a secret");
        }
        this.secret = secret;
        this.url = url;
    }

    /** The next callback is spoiled this way; the ones after it are right again. */
    void failNext(CallbackFault fault) {
        nextFault.set(Objects.requireNonNull(fault, "fault"));
    }

    /** Attempts made, retries included. */
    int sent() {
        return sent.get();
    }

    /** Callbacks the hub answered with 2xx. */
    int delivered() {
        return delivered.get();
    }

    void reset() {
        generation.incrementAndGet();
        sent.set(0);
        delivered.set(0);
        nextFault.set(null);
        url = null;
        secret = null;
    }

    /** Queues the callback for the feedback as it now stands; does nothing while no callback URL is set. */
    void send(Held h) {
        URI url = this.url;
        String secret = this.secret;
        if (url == null || secret == null) {
            return;
        }
        ObjectNode node = AgencyJson.JSON.createObjectNode()
                .put("feedbackId", h.feedbackId())
                .put("ticketId", h.ticketId())
                .put("state", h.state())
                .put("note", h.note())
                .put("handler", AgencySimulator.HANDLER)
                .put("at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(h.changedAt().atZone(VIETNAM)));
        if (h.transferredTo() != null) {
            node.put("transferTo", h.transferredTo());
        }
        byte[] body = AgencyJson.bytes(node);
        CallbackFault fault = nextFault.getAndSet(null);
        long timestamp = clock.instant().getEpochSecond() - (fault == CallbackFault.STALE_TIMESTAMP ? STALE.toSeconds() : 0);
        String signature = CallbackSignature.of(fault == CallbackFault.WRONG_SIGNATURE ? secret + "-wrong" : secret,
                timestamp, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                .header("Content-Type", AgencyJson.TYPE)
                .header("X-Govhub-Timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (fault != CallbackFault.MISSING_SIGNATURE) {
            request.header("X-Govhub-Signature", signature);
        }
        HttpRequest built = request.build();
        int queuedIn = generation.get();
        sender.execute(() -> attempt(built, h, 1, queuedIn));
    }

    private void attempt(HttpRequest request, Held h, int attempt, int queuedIn) {
        if (queuedIn != generation.get()) {
            return; // queued before a reset: the receiver it was meant for is gone
        }
        int status;
        try {
            sent.incrementAndGet();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status / 100 == 2) {
            delivered.incrementAndGet();
            return;
        }
        if ((status == 0 || status >= 500) && attempt < AgencySimulator.CALLBACK_ATTEMPTS) {
            long backoff = 100L << (attempt - 1); // 100, 200, 400 ms
            sender.schedule(() -> attempt(request, h, attempt + 1, queuedIn), backoff, TimeUnit.MILLISECONDS);
            return;
        }
        LOG.info("agency simulator: callback for {} (state {}) not delivered after {} attempt(s), last HTTP {}",
                h.feedbackId(), h.state(), attempt, status == 0 ? "none" : status);
    }
}
