package vn.govhub.sandbox.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.govhub.sandbox.Simulator;

/**
 * What every simulated case-handling (một cửa) system does, whatever its wire shape: it holds each dossier once,
 * keyed by the dossier code the hub sends; moves dossiers along the stages a real one-stop desk goes through
 * ({@link #advance()}: new → received → in processing → supplement requested for every {@link #supplementEvery n-th}
 * → result ready → returned) or as told ({@link #setStatus}); and calls the hub back, signed, on every change
 * ({@link #callbacksTo}), in its own body shape. The HMAC is computed independently of the hub's code
 * ({@link vn.govhub.sandbox.CallbackSignature}; header {@code X-Govhub-Timestamp};
 * {@code X-Govhub-Signature: sha256=hex(HMAC-SHA256(secret, ts + "." + body))}), and can be made wrong, missing
 * or stale once. Faults on the wire (5xx, timeouts, a backend that is down) come from
 * {@link Simulator}. Subclasses speak one shape (vn-egov.md §3) and name the stages in their own status codes.
 * This class holds the dossiers and their stages; {@link SignedCallbacks} sends and signs the callbacks.
 */
public abstract class CaseSimulator extends Simulator {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String JSON_TYPE = "application/json; charset=UTF-8";

    /** Where a dossier is at the backend, named by each shape in its own codes ({@link #code(Stage)}). */
    public enum Stage { NEW, RECEIVED, IN_PROGRESS, SUPPLEMENT, RESULT, RETURNED, WITHDRAWN, REFUSED, STOPPED }

    /**
     * A dossier as held.
     *
     * @param localId     the backend's own id for it
     * @param dossier     the last dossier object received, in the shape's wire format
     * @param status      the shape's status code
     * @param pushes      how often it was received (created once, then updated)
     * @param supplements supplements received
     */
    public record Held(String code, String localId, String idempotencyKey, JsonNode dossier, String status, int pushes,
                       int supplements, String supplementRequest) {
    }

    /** The result of storing a received dossier. */
    protected enum Outcome { CREATED, UPDATED, DUPLICATE, NOT_FOUND }

    protected record Stored(Outcome outcome, Held held) {
    }

    /** How a push treats a code: only create (refuse a duplicate), only update, or either (an upsert). */
    protected enum Mode { CREATE, UPDATE, UPSERT }

    private static final String SUPPLEMENT_REQUEST = "Bổ sung bản sao Giấy xác nhận tình trạng hôn nhân";

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicInteger duplicatesRefused = new AtomicInteger();
    private final AtomicInteger arrivals = new AtomicInteger();
    private final Map<String, Integer> arrivalOrder = new ConcurrentHashMap<>();
    private final SignedCallbacks callbacks;
    protected final Clock clock;
    private volatile int supplementEvery;

    protected CaseSimulator(String name, int port, Clock clock) {
        super(name, port);
        this.clock = clock;
        this.callbacks = new SignedCallbacks(name, clock);
    }

    /** This shape's status code for a stage. */
    public abstract String code(Stage stage);

    /** The callback body this shape sends for a dossier's change. */
    protected abstract JsonNode callbackBody(Held h);

    // --- what it holds

    public int count() {
        return held.size();
    }

    public boolean holds(String code) {
        return held.containsKey(code);
    }

    public Held dossier(String code) {
        return held.get(code);
    }

    public List<Held> dossiers() {
        return List.copyOf(held.values());
    }

    /** Creates refused because the code was already held (a resend that did not look up first). */
    public int duplicatesRefused() {
        return duplicatesRefused.get();
    }

    public int callbacksSent() {
        return callbacks.sent();
    }

    // --- the backend's behaviour

    /** Every n-th dossier (by arrival) asks for a supplement on its way; 0: none. */
    public void supplementEvery(int n) {
        this.supplementEvery = n;
    }

    /** Status changes are POSTed, signed with {@code secret}, to {@code url}; null stops callbacks. */
    public void callbacksTo(URI url, String secret) {
        callbacks.to(url, secret);
    }

    /** The next callback carries this signature instead of the right one (or none, for null). */
    public void corruptNextCallback(String signature) {
        callbacks.corruptNext(signature);
    }

    /** The next callback's timestamp is this far off the clock (a replayed or delayed callback). */
    public void skewNextCallback(Duration skew) {
        callbacks.skewNext(skew);
    }

    /** Moves every held dossier one stage along its way; returns how many moved. */
    public int advance() {
        int moved = 0;
        for (Held h : List.copyOf(held.values())) {
            Stage next = switch (stage(h.status())) {
                case NEW -> Stage.RECEIVED;
                case RECEIVED -> Stage.IN_PROGRESS;
                case IN_PROGRESS -> asksForSupplement(h) ? Stage.SUPPLEMENT : Stage.RESULT;
                case RESULT -> Stage.RETURNED;
                default -> null; // a supplement request waits for the citizen; the rest are final
            };
            if (next != null) {
                setStatus(h.code(), code(next), next == Stage.SUPPLEMENT ? SUPPLEMENT_REQUEST : null);
                moved++;
            }
        }
        return moved;
    }

    private boolean asksForSupplement(Held h) {
        int n = supplementEvery;
        return n > 0 && h.supplements() == 0 && arrivalOrder.getOrDefault(h.code(), 0) % n == 0;
    }

    /** Sets a dossier's status (this shape's code; with the request when it asks for a supplement), calling back. */
    public void setStatus(String code, String status, String supplementRequest) {
        Held updated = held.computeIfPresent(code, (c, h) -> new Held(c, h.localId(), h.idempotencyKey(), h.dossier(), status,
                h.pushes(), h.supplements(), stage(status) == Stage.SUPPLEMENT ? supplementRequest : null));
        if (updated != null) {
            callBack(updated);
        }
    }

    /** The stage a status code of this shape names. */
    public Stage stage(String status) {
        for (Stage s : Stage.values()) {
            if (code(s).equals(status)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a status of " + name() + ": " + status);
    }

    @Override
    protected void resetState() {
        held.clear();
        arrivalOrder.clear();
        arrivals.set(0);
        duplicatesRefused.set(0);
        supplementEvery = 0;
        callbacks.reset();
    }

    // --- for the shapes

    /**
     * Stores a received dossier. An update keeps the stage unless the citizen answered a supplement request (more
     * supplements than before: back to in processing, called back) or {@code withdraw} is set (withdrawn, called back).
     */
    protected Stored store(String code, String idempotencyKey, JsonNode dossier, int supplements, Mode mode, boolean withdraw) {
        Held[] outcome = new Held[1];
        Outcome[] kind = new Outcome[1];
        String[] before = new String[1];
        held.compute(code, (c, h) -> {
            before[0] = h == null ? null : h.status();
            if (h == null) {
                if (mode == Mode.UPDATE) {
                    kind[0] = Outcome.NOT_FOUND;
                    return null;
                }
                arrivalOrder.put(c, arrivals.incrementAndGet());
                kind[0] = Outcome.CREATED;
                outcome[0] = new Held(c, UUID.randomUUID().toString(), idempotencyKey, dossier, code(Stage.NEW), 1, supplements, null);
                return outcome[0];
            }
            if (mode == Mode.CREATE) {
                kind[0] = Outcome.DUPLICATE;
                outcome[0] = h;
                return h;
            }
            Stage now = stage(h.status());
            Stage next = withdraw ? Stage.WITHDRAWN : now == Stage.SUPPLEMENT && supplements > h.supplements() ? Stage.IN_PROGRESS : now;
            kind[0] = Outcome.UPDATED;
            outcome[0] = new Held(c, h.localId(), h.idempotencyKey(), dossier == null ? h.dossier() : dossier, code(next), h.pushes() + 1,
                    Math.max(supplements, h.supplements()), next == Stage.SUPPLEMENT ? h.supplementRequest() : null);
            return outcome[0];
        });
        if (kind[0] == Outcome.DUPLICATE) {
            duplicatesRefused.incrementAndGet();
        }
        if (kind[0] == Outcome.UPDATED && !outcome[0].status().equals(before[0])) {
            callBack(outcome[0]);
        }
        return new Stored(kind[0], outcome[0]);
    }

    /** Calls the hub back, signed, with this shape's body for the dossier as it now stands. */
    protected void callBack(Held h) {
        callbacks.send(() -> bytes(callbackBody(h)));
    }

    protected static JsonNode parse(Request request) {
        try {
            return JSON.readTree(request.getBody());
        } catch (IOException e) {
            return null;
        }
    }

    protected static ResponseDefinition json(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", JSON_TYPE)
                .withBody(bytes(body)).build();
    }

    protected static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
