package vn.govhub.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.api.Texts;
import vn.govhub.connectors.cases.CaseStatus;
import vn.govhub.notify.NotificationEvent;
import vn.govhub.notify.NotificationEvents;
import vn.govhub.security.DataCipher;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies what a case-handling system says about a dossier (callback, poll, or the answer to a forward): maps
 * the backend's code onto the hub's lifecycle, appends to the history and emits a notification event, all in one
 * transaction. Repeating the same status changes nothing, so redelivered callbacks and polls are harmless.
 */
@Service
public class DossierLifecycle {

    /** What applying a status did. */
    public enum Outcome { CHANGED, UNCHANGED, UNMAPPED, UNKNOWN_DOSSIER, ENDED }

    private static final Logger log = LoggerFactory.getLogger(DossierLifecycle.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DossierStore store;
    private final CaseBackends backends;
    private final NotificationEvents events;
    private final DataCipher cipher;
    private final TransactionTemplate transactions;
    private final Texts texts;
    private final Clock clock;

    public DossierLifecycle(DossierStore store, CaseBackends backends, NotificationEvents events, DataCipher cipher,
                            TransactionTemplate transactions, Texts texts, Clock clock) {
        this.store = store;
        this.backends = backends;
        this.events = events;
        this.cipher = cipher;
        this.transactions = transactions;
        this.texts = texts;
        this.clock = clock;
    }

    public Outcome apply(String province, CaseStatus status, String source) {
        CaseBackends.Backend backend = backends.of(province).orElse(null);
        if (backend == null || status == null || status.code() == null) {
            return Outcome.UNKNOWN_DOSSIER;
        }
        Optional<DossierStore.Dossier> found = store.byTrackingCode(status.code()).filter(d -> d.province().equals(province));
        if (found.isEmpty()) {
            log.warn("{} status for unknown dossier code from {} ignored", source, province);
            return Outcome.UNKNOWN_DOSSIER;
        }
        return transactions.execute(tx -> applyLocked(backend, store.lock(found.get().id()).orElseThrow(), status, source));
    }

    /** The backend accepted the citizen's withdrawal request. */
    public void applyWithdrawal(String province, String dossierId) {
        CaseBackends.Backend backend = backends.of(province).orElseThrow();
        transactions.executeWithoutResult(tx -> {
            DossierStore.Dossier dossier = store.lock(dossierId).orElseThrow();
            if (dossier.status().ended()) {
                return;
            }
            Instant now = clock.instant();
            store.updateStatus(dossierId, DossierStatus.WITHDRAWN, null, null, null, null, null, null, now);
            store.history(dossierId, DossierStatus.WITHDRAWN, null, texts.get("dossier.withdrawn"), now);
            notify(backend, dossier, DossierStatus.WITHDRAWN, null, dossier.appointmentAt());
        });
    }

    private Outcome applyLocked(CaseBackends.Backend backend, DossierStore.Dossier dossier, CaseStatus status, String source) {
        Instant now = clock.instant();
        Optional<DossierStatus> mapped = backend.map(status.statusCode());
        if (mapped.isEmpty()) {
            if (!status.statusCode().equals(dossier.backendStatus())) {
                store.history(dossier.id(), dossier.status(), status.statusCode(), texts.get("dossier.unmapped-status",
                        status.statusCode(), source), now);
                store.updateStatus(dossier.id(), dossier.status(), status.statusCode(), status.localCode(),
                        dossier.supplementRequest(), status.appointmentAt(), status.completedAt(), results(status), now);
            }
            return Outcome.UNMAPPED;
        }
        DossierStatus next = mapped.get();
        if (dossier.status().ended()) {
            return next == dossier.status() ? Outcome.UNCHANGED : Outcome.ENDED;
        }
        if (next == DossierStatus.FORWARDED && dossier.status() != DossierStatus.SUBMITTED && dossier.status() != DossierStatus.FORWARD_FAILED) {
            next = dossier.status(); // "newly submitted" once more tells nothing new
        }
        String request = next == DossierStatus.NEEDS_SUPPLEMENT ? firstNonBlank(status.supplementRequest(), dossier.supplementRequest()) : null;
        // a new backend code under the same hub status is history too (e.g. 6 fees requested → 4), except the first
        // code a backend reports for a dossier just forwarded
        boolean changed = next != dossier.status()
                || (dossier.backendStatus() != null && !status.statusCode().equals(dossier.backendStatus()));
        store.updateStatus(dossier.id(), next, status.statusCode(), status.localCode(), request, status.appointmentAt(),
                status.completedAt(), results(status), now);
        if (!changed) {
            return Outcome.UNCHANGED;
        }
        String note = status.progress().isEmpty() ? null : status.progress().get(status.progress().size() - 1).content();
        store.history(dossier.id(), next, status.statusCode(), firstNonBlank(request, note, source), now);
        if (next != dossier.status() && next.notificationKind() != null) {
            notify(backend, dossier, next, request, status.appointmentAt() != null ? status.appointmentAt() : dossier.appointmentAt());
        }
        return Outcome.CHANGED;
    }

    private void notify(CaseBackends.Backend backend, DossierStore.Dossier dossier, DossierStatus next, String request, Instant appointment) {
        ZoneId zone = backend.province().zone();
        Map<String, String> fields = new HashMap<>();
        fields.put("trackingCode", dossier.trackingCode());
        fields.put("procedureName", dossier.procedureName());
        fields.put("status", texts.get(next.textKey()));
        fields.put("appointmentDate", appointment == null ? texts.get("dossier.appointment-pending") : DATE.format(appointment.atZone(zone)));
        fields.put("request", request == null ? texts.get("dossier.request-in-app") : request);
        fields.put("deadline", DATE.format(clock.instant().plus(java.time.Duration.ofDays(30)).atZone(zone)));
        fields.put("returnInstructions", "POSTAL".equals(dossier.returnMethod())
                ? texts.get("dossier.return-postal") : texts.get("dossier.return-counter"));
        String phone = null;
        try {
            phone = JSON.readTree(cipher.decrypt(dossier.applicant(), "dossier.applicant")).path("phone").asText(null);
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("dossier {}: applicant unreadable, notifying by Zalo id only", dossier.id());
        }
        long historyId = store.lastHistoryId(dossier.id());
        events.publish(new NotificationEvent("dossier:" + dossier.id() + ":h" + historyId, dossier.province(),
                next.notificationKind(), dossier.owner(), phone, fields));
    }

    private static String results(CaseStatus status) {
        if (status.results().isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(status.results());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readResults(String json) {
        try {
            return json == null ? JSON.createArrayNode() : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.createArrayNode();
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
