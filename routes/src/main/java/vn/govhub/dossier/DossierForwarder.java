package vn.govhub.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.catalogue.CatalogueStore;
import vn.govhub.connectors.cases.CaseDossier;
import vn.govhub.connectors.cases.CaseSystemException;
import vn.govhub.connectors.cases.Forwarded;
import vn.govhub.model.Procedure;
import vn.govhub.outbox.Outbox;
import vn.govhub.security.DataCipher;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox's dossier entries (forward, supplement, withdraw) to each province's case-handling system,
 * on every node, oldest first, one entry of a dossier at a time and in order. A claimed entry is leased: if its
 * node dies, another takes it up after the lease, and the adapter's look-up-first and the dossier id as
 * idempotency key make that resend an update, never a second dossier.
 *
 * <p>Failures: a transient failure is retried with exponential backoff; it counts towards the dossier's
 * {@code max-attempts} only while the backend's circuit is closed, so a backend that is down for an hour makes
 * dossiers wait (in order), not fail. After the last attempt, or at once for a permanent refusal, the dossier is
 * FORWARD_FAILED and its entry dead, until an admin replays it.
 */
@Service
public class DossierForwarder {

    /** Test hook: runs after the backend accepted a forward and before the hub commits that (crash tests). */
    public interface AfterForward {
        void run(String dossierId);
    }

    private static final Logger log = LoggerFactory.getLogger(DossierForwarder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Outbox outbox;
    private final DossierStore store;
    private final CatalogueStore catalogue;
    private final CaseBackends backends;
    private final DossierLifecycle lifecycle;
    private final FileLinks links;
    private final DataCipher cipher;
    private final DossierSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile AfterForward afterForward = id -> { };

    public DossierForwarder(Outbox outbox, DossierStore store, CatalogueStore catalogue, CaseBackends backends,
                            DossierLifecycle lifecycle, FileLinks links, DataCipher cipher, DossierSettings settings,
                            TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.store = store;
        this.catalogue = catalogue;
        this.backends = backends;
        this.lifecycle = lifecycle;
        this.links = links;
        this.cipher = cipher;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    public void afterForward(AfterForward hook) {
        this.afterForward = hook == null ? id -> { } : hook;
    }

    /** One pass over due entries; returns how many were delivered. */
    public int forwardDue() {
        int delivered = 0;
        for (Outbox.Entry entry : outbox.due(DossierService.TOPIC, settings.batch())) {
            JsonNode payload = read(entry.payload());
            String province = payload.path("province").asText();
            CaseBackends.Backend backend = backends.of(province).orElse(null);
            if (backend == null) {
                outbox.retryAt(entry.id(), clock.instant().plus(settings.breakerOpen()), "province " + province + " takes no dossiers now");
                continue;
            }
            if (outbox.hasEarlierPending(entry.topic(), entry.aggregateId(), entry.id())) {
                continue; // its dossier's earlier entry goes first
            }
            CircuitBreaker breaker = backend.breaker();
            if (!breaker.tryAcquirePermission()) {
                continue; // backend's circuit open: the entry waits, its attempts untouched
            }
            if (!outbox.claim(entry, settings.lease())) {
                breaker.releasePermission();
                continue;
            }
            if (deliver(backend, entry, payload)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(CaseBackends.Backend backend, Outbox.Entry entry, JsonNode payload) {
        String kind = payload.path("kind").asText();
        String dossierId = payload.path("dossierId").asText();
        CircuitBreaker breaker = backend.breaker();
        DossierStore.Dossier dossier = store.find(dossierId).orElse(null);
        if (dossier == null) {
            breaker.releasePermission();
            outbox.dead(entry.id(), "dossier " + dossierId + " not found");
            return false;
        }
        long start = System.nanoTime();
        try {
            switch (kind) {
                case "forward" -> {
                    Forwarded forwarded = backend.system().forward(caseDossier(backend, dossier, null));
                    breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    afterForward.run(dossierId);
                    forwarded(backend, entry, dossier, forwarded);
                }
                case "supplement" -> {
                    String supplementId = payload.path("supplementId").asText();
                    backend.system().supplement(caseDossier(backend, dossier, supplementId), supplement(dossier, supplementId));
                    breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    transactions.executeWithoutResult(tx -> {
                        store.supplementStatus(supplementId, "SENT", clock.instant());
                        store.history(dossierId, dossier.status(), null, "Đã chuyển hồ sơ bổ sung đến cơ quan giải quyết", clock.instant());
                        outbox.done(entry.id());
                    });
                }
                case "withdraw" -> {
                    backend.system().withdraw(dossier.trackingCode(), payload.path("reason").asText(""));
                    breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    outbox.done(entry.id());
                    lifecycle.applyWithdrawal(backend.province().id(), dossier.id());
                }
                default -> {
                    breaker.releasePermission();
                    outbox.dead(entry.id(), "unknown dossier outbox entry kind " + kind);
                    return false;
                }
            }
            count(backend, kind, "delivered");
            return true;
        } catch (CaseSystemException.Transient e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            transient_(backend, entry, dossier, kind, payload, e);
        } catch (CaseSystemException.Permanent e) {
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS); // the backend answered: it is up
            failed(entry, dossier, kind, payload, "refused by the case-handling system: " + e.getMessage());
            count(backend, kind, "refused");
        } catch (RuntimeException e) {
            // the hub's own side failed (database, stored data): retried like a transient failure, bounded
            breaker.releasePermission();
            log.error("dossier {}: {} failed in the hub", dossierId, kind, e);
            count(backend, kind, "error");
            retryOrFail(backend, entry, dossier, kind, payload, "hub error: " + e);
        }
        return false;
    }

    private void forwarded(CaseBackends.Backend backend, Outbox.Entry entry, DossierStore.Dossier dossier, Forwarded forwarded) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            DossierStore.Dossier locked = store.lock(dossier.id()).orElseThrow();
            if (locked.status() == DossierStatus.SUBMITTED || locked.status() == DossierStatus.FORWARD_FAILED) {
                store.updateStatus(locked.id(), DossierStatus.FORWARDED, null, forwarded.localCode(), null, null, null, null, now);
                store.history(locked.id(), DossierStatus.FORWARDED, null, forwarded.alreadyPresent()
                        ? "Đã có trên hệ thống một cửa (gửi lại sau gián đoạn)" : "Đã chuyển đến hệ thống một cửa", now);
            }
            outbox.done(entry.id());
        });
        if (forwarded.status() != null) {
            lifecycle.apply(backend.province().id(), forwarded.status(), "forward");
        }
    }

    private void transient_(CaseBackends.Backend backend, Outbox.Entry entry, DossierStore.Dossier dossier, String kind,
                            JsonNode payload, CaseSystemException e) {
        Instant now = clock.instant();
        count(backend, kind, "retry");
        if (backend.breaker().getState() != CircuitBreaker.State.CLOSED) {
            // the backend as a whole is failing: this dossier waits for it, its attempts unspent
            store.noteError(dossier.id(), "case-handling system unavailable: " + e.getMessage(), now);
            outbox.retryAt(entry.id(), now.plus(settings.breakerOpen()), e.getMessage());
            return;
        }
        retryOrFail(backend, entry, dossier, kind, payload, e.getMessage());
    }

    private void retryOrFail(CaseBackends.Backend backend, Outbox.Entry entry, DossierStore.Dossier dossier, String kind,
                             JsonNode payload, String error) {
        Instant now = clock.instant();
        int failures = store.countFailure(dossier.id(), error, now);
        int max = backend.province().dossiers().caseSystem().maxAttempts();
        if (failures >= max) {
            failed(entry, dossier, kind, payload, "gave up after " + failures + " attempts: " + error);
            return;
        }
        Duration base = backend.province().dossiers().caseSystem().retryBase();
        Duration cap = backend.province().dossiers().caseSystem().retryMax();
        Duration delay = base.multipliedBy(1L << Math.min(failures - 1, 20));
        outbox.retryAt(entry.id(), now.plus(delay.compareTo(cap) > 0 ? cap : delay), error);
    }

    private void failed(Outbox.Entry entry, DossierStore.Dossier dossier, String kind, JsonNode payload, String error) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            outbox.dead(entry.id(), error);
            switch (kind) {
                case "forward" -> {
                    store.markForwardFailed(dossier.id(), error, now);
                    store.history(dossier.id(), DossierStatus.FORWARD_FAILED, null, "Chưa chuyển được: " + error, now);
                }
                case "supplement" -> {
                    store.supplementStatus(payload.path("supplementId").asText(), "FAILED", null);
                    store.noteError(dossier.id(), "supplement: " + error, now);
                }
                default -> store.noteError(dossier.id(), kind + ": " + error, now);
            }
        });
        log.warn("dossier {}: {} dead-lettered: {}", dossier.id(), kind, error);
    }

    /** The dossier as the adapters see it; {@code upToSupplement} limits supplements to those up to that one. */
    CaseDossier caseDossier(CaseBackends.Backend backend, DossierStore.Dossier d, String upToSupplement) {
        JsonNode applicant = read(cipher.decrypt(d.applicant(), "dossier.applicant"));
        Procedure procedure = catalogue.find(d.province(), d.procedureCode()).map(CatalogueStore.StoredProcedure::procedure).orElse(null);
        Procedure.Ref sector = procedure == null || procedure.sectors().isEmpty() ? null : procedure.sectors().get(0);
        Procedure.Ref agency = procedure == null || procedure.agencies().isEmpty() ? null : procedure.agencies().get(0);
        List<DossierStore.FileRow> files = store.files(d.id());
        List<CaseDossier.Document> documents = new ArrayList<>();
        for (DossierStore.FileRow f : files) {
            if (f.supplementId() == null) {
                documents.add(document(f));
            }
        }
        List<CaseDossier.Supplement> supplements = new ArrayList<>();
        for (DossierStore.Supplement s : store.supplements(d.id())) {
            if (upToSupplement == null && !"SENT".equals(s.status())) {
                continue;
            }
            supplements.add(new CaseDossier.Supplement(s.id(), s.submittedAt(), s.note(),
                    files.stream().filter(f -> s.id().equals(f.supplementId())).map(this::document).toList()));
            if (s.id().equals(upToSupplement)) {
                break;
            }
        }
        String name = applicant.path("name").asText();
        String summary = (d.procedureName() + " - " + name);
        Map<String, String> answers = readAnswers(d.answers());
        return new CaseDossier(d.id(), d.trackingCode(), d.procedureCode(), d.procedureName(),
                sector == null ? null : sector.code(), sector == null ? null : sector.name(),
                agency == null ? backend.province().dossiers().agencyCode() : agency.code(),
                new CaseDossier.Applicant(name, applicant.path("idNumber").asText(), applicant.path("type").asInt(1),
                        applicant.path("phone").asText(null), applicant.path("email").asText(null), applicant.path("address").asText(null)),
                summary.length() > 1000 ? summary.substring(0, 1000) : summary, d.submittedAt(), d.appointmentAt(),
                "POSTAL".equals(d.returnMethod()) ? CaseDossier.ReturnMethod.POSTAL : CaseDossier.ReturnMethod.DESK,
                d.postalAddress() == null ? null : cipher.decrypt(d.postalAddress(), "dossier.postal_address"),
                answers, documents, fees(procedure), supplements);
    }

    private CaseDossier.Supplement supplement(DossierStore.Dossier d, String supplementId) {
        DossierStore.Supplement s = store.supplements(d.id()).stream().filter(x -> x.id().equals(supplementId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("supplement " + supplementId + " not found"));
        return new CaseDossier.Supplement(s.id(), s.submittedAt(), s.note(), store.files(d.id()).stream()
                .filter(f -> s.id().equals(f.supplementId())).map(this::document).toList());
    }

    private CaseDossier.Document document(DossierStore.FileRow f) {
        return new CaseDossier.Document(f.id(), f.fileName(), f.requirementCode(), f.contentType(), f.size(), links.link(f.id()));
    }

    private static List<CaseDossier.Fee> fees(Procedure procedure) {
        if (procedure == null) {
            return List.of();
        }
        List<CaseDossier.Fee> fees = new ArrayList<>();
        for (Procedure.Channel channel : procedure.channels()) {
            if (channel.kind() != Procedure.ChannelKind.ONLINE) {
                continue;
            }
            for (Procedure.Duration duration : channel.durations()) {
                for (Procedure.Fee fee : duration.fees()) {
                    BigDecimal amount = fee.amount() == null ? BigDecimal.ZERO : fee.amount();
                    fees.add(new CaseDossier.Fee(fee.code(), fee.description(), amount.longValue()));
                }
            }
            break;
        }
        return fees;
    }

    private void count(CaseBackends.Backend backend, String kind, String outcome) {
        meters.counter("govhub_dossier_forwards_total", "province", backend.province().id(), "kind", kind, "outcome", outcome).increment();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> readAnswers(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable JSON in the dossier store", e);
        }
    }
}
