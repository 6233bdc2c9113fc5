package vn.govhub.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.api.Texts;
import vn.govhub.connectors.cases.Forwarded;
import vn.govhub.platform.outbox.DeliveryEngine;
import vn.govhub.platform.outbox.DeliveryHandler;
import vn.govhub.platform.outbox.Failure;
import vn.govhub.platform.outbox.Outbox;
import vn.govhub.platform.outbox.RetryPolicy;
import vn.govhub.platform.outbox.Route;
import vn.govhub.platform.outbox.Work;

import java.time.Clock;
import java.time.Instant;

/**
 * Forwards the outbox's dossier entries (forward, supplement, withdraw) to each province's case-handling system through
 * the delivery engine: oldest first, one entry of a dossier at a time and in order, behind the backend's circuit
 * breaker. The dossier id travels as the idempotency key, and the adapters look a dossier up before creating it, so a
 * resend after a crash is an update, never a second dossier. A dossier whose backend keeps failing waits (its attempts
 * count only while the circuit is closed); after {@code max-attempts}, or at once for a refusal, it is FORWARD_FAILED
 * until an admin replays it.
 */
@Service
public class DossierForwarder implements DeliveryHandler<JsonNode, CaseBackends.Backend, Forwarded> {

    /** Test hook: runs after the backend accepted a forward and before the hub commits that (crash tests). */
    public interface AfterForward {
        void run(String dossierId);
    }

    private final DossierStore store;
    private final CaseBackends backends;
    private final CaseDossiers dossiers;
    private final DossierLifecycle lifecycle;
    /** How long an entry of a province that takes no dossiers now waits before it is looked at again. */
    private static final java.time.Duration NO_BACKEND_WAIT = java.time.Duration.ofSeconds(30);

    private final DossierProperties settings;
    private final Texts texts;
    private final Clock clock;
    private final DeliveryEngine<JsonNode, CaseBackends.Backend, Forwarded> engine;
    private volatile AfterForward afterForward = id -> { };

    public DossierForwarder(Outbox outbox, DossierStore store, CaseBackends backends, CaseDossiers dossiers,
                            DossierLifecycle lifecycle, DossierProperties settings, TransactionTemplate transactions, Texts texts,
                            Clock clock, MeterRegistry meters) {
        this.store = store;
        this.backends = backends;
        this.dossiers = dossiers;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.texts = texts;
        this.clock = clock;
        this.engine = new DeliveryEngine<>(DeliveryEngine.Spec.ordered("dossier-forward", settings.batch(), settings.lease(),
                "govhub.dossier.forwards"), outbox.work(DossierService.TOPIC), this, transactions, clock, meters);
    }

    public void afterForward(AfterForward hook) {
        this.afterForward = hook == null ? id -> { } : hook;
    }

    /** One pass over due entries; returns how many were delivered. */
    public int forwardDue() {
        return engine.runOnce().delivered();
    }

    @Override
    public Route<CaseBackends.Backend> route(Work<JsonNode> work) {
        String province = work.payload().path("province").asText();
        CaseBackends.Backend backend = backends.of(province).orElse(null);
        if (backend == null) {
            return new Route.Wait<>(NO_BACKEND_WAIT, "province " + province + " takes no dossiers now");
        }
        String kind = kind(work);
        if (!kind.equals("forward") && !kind.equals("supplement") && !kind.equals("withdraw")) {
            return new Route.Dead<>("unknown dossier outbox entry kind " + kind);
        }
        if (store.find(dossierId(work)).isEmpty()) {
            return new Route.Dead<>("dossier " + dossierId(work) + " not found");
        }
        return new Route.To<>(backend, backend.breaker());
    }

    @Override
    public Forwarded call(Work<JsonNode> work, CaseBackends.Backend backend) {
        DossierStore.Dossier dossier = store.find(dossierId(work)).orElseThrow();
        return switch (kind(work)) {
            case "forward" -> backend.system().forward(dossiers.of(backend, dossier, null));
            case "supplement" -> {
                String supplementId = work.payload().path("supplementId").asText();
                backend.system().supplement(dossiers.of(backend, dossier, supplementId), dossiers.supplement(dossier, supplementId));
                yield null;
            }
            default -> {
                backend.system().withdraw(dossier.trackingCode(), work.payload().path("reason").asText(""));
                yield null;
            }
        };
    }

    @Override
    public Failure classify(Exception failure) {
        return Failure.of(failure, "the case-handling system");
    }

    @Override
    public void delivered(Work<JsonNode> work, CaseBackends.Backend backend, Forwarded forwarded) {
        String id = dossierId(work);
        Instant now = clock.instant();
        switch (kind(work)) {
            case "forward" -> {
                afterForward.run(id);
                DossierStore.Dossier locked = store.lock(id).orElseThrow();
                if (locked.status() == DossierStatus.SUBMITTED || locked.status() == DossierStatus.FORWARD_FAILED) {
                    store.updateStatus(id, DossierStatus.FORWARDED, null, forwarded.localCode(), null, null, null, null, now);
                    store.history(id, DossierStatus.FORWARDED, null, texts.get(forwarded.alreadyPresent() ? "dossier.forwarded-again" : "dossier.forwarded"), now);
                }
            }
            case "supplement" -> {
                store.supplementStatus(work.payload().path("supplementId").asText(), "SENT", now);
                store.history(id, store.find(id).orElseThrow().status(), null, texts.get("dossier.supplement-sent"), now);
            }
            default -> { } // the withdrawal is applied once the entry is done
        }
    }

    @Override
    public void afterDelivered(Work<JsonNode> work, CaseBackends.Backend backend, Forwarded forwarded) {
        if (kind(work).equals("forward") && forwarded.status() != null) {
            lifecycle.apply(backend.province().id(), forwarded.status(), "forward");
        } else if (kind(work).equals("withdraw")) {
            lifecycle.applyWithdrawal(backend.province().id(), dossierId(work));
        }
    }

    @Override
    public RetryPolicy retryPolicy(CaseBackends.Backend backend) {
        var system = DossiersSection.of(backend.province()).caseSystem();
        return system.retryPolicy();
    }

    @Override
    public int countFailure(Work<JsonNode> work, CaseBackends.Backend backend, Failure failure) {
        return store.countFailure(dossierId(work), failure.message(), clock.instant());
    }

    @Override
    public void waiting(Work<JsonNode> work, CaseBackends.Backend backend, Failure failure) {
        store.noteError(dossierId(work), "case-handling system unavailable: " + failure.message(), clock.instant());
    }

    @Override
    public void deadLettered(Work<JsonNode> work, CaseBackends.Backend backend, Failure why) {
        String id = dossierId(work);
        Instant now = clock.instant();
        if (store.find(id).isEmpty()) {
            return;
        }
        switch (kind(work)) {
            case "forward" -> {
                store.markForwardFailed(id, why.message(), now);
                store.history(id, DossierStatus.FORWARD_FAILED, null, texts.get("dossier.forward-failed", why.message()), now);
            }
            case "supplement" -> {
                store.supplementStatus(work.payload().path("supplementId").asText(), "FAILED", null);
                store.noteError(id, "supplement: " + why.message(), now);
            }
            default -> store.noteError(id, kind(work) + ": " + why.message(), now);
        }
    }

    @Override
    public String[] tags(Work<JsonNode> work, CaseBackends.Backend backend) {
        return new String[] {"province", backend.province().id(), "kind", kind(work)};
    }

    private static String kind(Work<JsonNode> work) {
        return work.payload().path("kind").asText();
    }

    private static String dossierId(Work<JsonNode> work) {
        return work.payload().path("dossierId").asText();
    }
}
