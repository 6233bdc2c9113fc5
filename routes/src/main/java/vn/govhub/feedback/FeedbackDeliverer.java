package vn.govhub.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.api.Texts;
import vn.govhub.connectors.agency.AgencyFeedback;
import vn.govhub.connectors.agency.Delivered;
import vn.govhub.files.FileLinks;
import vn.govhub.platform.outbox.DeliveryEngine;
import vn.govhub.platform.outbox.DeliveryHandler;
import vn.govhub.platform.outbox.Failure;
import vn.govhub.platform.outbox.Outbox;
import vn.govhub.platform.outbox.RetryPolicy;
import vn.govhub.platform.outbox.Route;
import vn.govhub.platform.outbox.Work;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Delivers reports to the agencies' own systems through the delivery engine, on every node, oldest first, one entry of
 * a report at a time, behind each agency system's circuit breaker. The report id travels as the idempotency key, so a
 * delivery repeated after a crash is answered "already held" by the agency, never taken twice. A report transferred
 * meanwhile is left to its new agency's entry; one whose agency lost its system goes to the hub's agency inbox. After
 * the agency's {@code max-attempts}, or at once for a refusal, the report's delivery is FAILED until an admin replays it.
 */
@Service
public class FeedbackDeliverer implements DeliveryHandler<JsonNode, AgencySystems.Target, Delivered> {

    private final Outbox outbox;
    private final FeedbackStore store;
    private final FeedbackReads reads;
    private final AgencySystems systems;
    private final FileLinks links;
    private final FeedbackProperties settings;
    private final TransactionTemplate transactions;
    private final Texts texts;
    private final Clock clock;
    private final DeliveryEngine<JsonNode, AgencySystems.Target, Delivered> engine;

    public FeedbackDeliverer(Outbox outbox, FeedbackStore store, FeedbackReads reads, AgencySystems systems, FileLinks links,
                             FeedbackProperties settings, TransactionTemplate transactions, Texts texts, Clock clock,
                             MeterRegistry meters) {
        this.outbox = outbox;
        this.store = store;
        this.reads = reads;
        this.systems = systems;
        this.links = links;
        this.settings = settings;
        this.transactions = transactions;
        this.texts = texts;
        this.clock = clock;
        this.engine = new DeliveryEngine<>(DeliveryEngine.Spec.ordered("feedback-deliver", settings.batch(), settings.lease(),
                "govhub.feedback.deliveries"), outbox.work(FeedbackIntake.TOPIC), this, transactions, clock, meters);
    }

    /** One pass over due entries; returns how many were delivered. */
    public int deliverDue() {
        return engine.runOnce().delivered();
    }

    @Override
    public Route<AgencySystems.Target> route(Work<JsonNode> work) {
        FeedbackStore.Report report = store.find(feedbackId(work)).orElse(null);
        if (report == null || !report.agency().equals(work.payload().path("agency").asText())) {
            return new Route.Settle<>(() -> { }); // transferred meanwhile: the new agency has its own entry
        }
        AgencySystems.Target target = systems.of(report.province(), report.agency()).orElse(null);
        if (target == null) {
            // the agency lost its system in a reload: its inbox in the hub takes the report
            return new Route.Settle<>(() -> store.delivery(report.id(), "INBOX", null, null, clock.instant()));
        }
        return new Route.To<>(target, target.breaker());
    }

    @Override
    public Delivered call(Work<JsonNode> work, AgencySystems.Target target) {
        return target.client().deliver(agencyFeedback(target, store.find(feedbackId(work)).orElseThrow()));
    }

    @Override
    public Failure classify(Exception failure) {
        return Failure.of(failure, "the agency's system");
    }

    @Override
    public void delivered(Work<JsonNode> work, AgencySystems.Target target, Delivered delivered) {
        Instant now = clock.instant();
        String id = feedbackId(work);
        FeedbackStore.Report current = store.lock(id).orElseThrow();
        if (current.agency().equals(target.agency().id())) { // not transferred while the call was under way
            store.delivery(id, "DELIVERED", delivered.ticketId(), null, now);
            store.resetFailures(id);
        }
        store.history(id, "DELIVERED", current.status(), target.agency().id(), "hub", texts.get(delivered.alreadyPresent()
                ? "feedback.delivered-again" : "feedback.delivered") + (delivered.ticketId() == null ? ""
                : texts.get("feedback.ticket", delivered.ticketId())), now);
    }

    @Override
    public RetryPolicy retryPolicy(AgencySystems.Target target) {
        FeedbackSection.AgencySystem config = target.config();
        return config.retryPolicy();
    }

    @Override
    public int countFailure(Work<JsonNode> work, AgencySystems.Target target, Failure failure) {
        return store.countFailure(feedbackId(work), failure.message(), clock.instant());
    }

    @Override
    public void deadLettered(Work<JsonNode> work, AgencySystems.Target target, Failure why) {
        FeedbackStore.Report report = store.find(feedbackId(work)).orElse(null);
        if (report != null) {
            Instant now = clock.instant();
            store.delivery(report.id(), "FAILED", null, why.message(), now);
            store.history(report.id(), "DELIVERY_FAILED", report.status(), report.agency(), "hub",
                    texts.get("feedback.delivery-failed", why.message()), now);
        }
    }

    @Override
    public String[] tags(Work<JsonNode> work, AgencySystems.Target target) {
        return new String[] {"province", target.province(), "agency", target.agency().id()};
    }

    /** Puts a report whose delivery failed back to the outbox (an admin's replay); false if it is not a dead letter. */
    public boolean replay(String feedbackId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            FeedbackStore.Report r = store.lock(feedbackId).orElse(null);
            if (r == null || !"FAILED".equals(r.delivery())) {
                return false;
            }
            store.resetFailures(r.id());
            store.delivery(r.id(), "PENDING", null, null, clock.instant());
            store.history(r.id(), "REPLAYED", r.status(), r.agency(), "admin", texts.get("feedback.replayed"), clock.instant());
            if (outbox.revive(FeedbackIntake.TOPIC, r.id()) == 0) {
                outbox.add(FeedbackIntake.TOPIC, r.id(), "deliver:" + r.id() + ":" + r.agency() + ":replay:" + clock.millis(),
                        FeedbackIntake.delivery(r.province(), r.id(), r.agency()));
            }
            return true;
        }));
    }

    AgencyFeedback agencyFeedback(AgencySystems.Target target, FeedbackStore.Report r) {
        FeedbackSection.Category category = reads.category(r.province(), r.category());
        JsonNode contact = reads.contact(r);
        List<AgencyFeedback.Photo> photos = store.photos(r.id()).stream()
                .map(p -> new AgencyFeedback.Photo(p.id(), p.contentType(), p.size(), links.feedbackLink(p.id()))).toList();
        AgencyFeedback.Location location = r.lat() == null && r.address() == null && r.areaCode() == null ? null
                : new AgencyFeedback.Location(r.lat(), r.lon(), r.address(), r.areaCode());
        AgencyFeedback.Citizen citizen = contact == null ? null
                : new AgencyFeedback.Citizen(contact.path("name").asText(null), contact.path("phone").asText(null));
        return new AgencyFeedback(r.id(), r.reference(), r.category(), category == null ? r.category() : category.name(), r.title(),
                r.description(), r.submittedAt(), r.dueAt(), location, photos, citizen, r.anonymous());
    }

    private static String feedbackId(Work<JsonNode> work) {
        return work.payload().path("feedbackId").asText();
    }
}
