package vn.govhub.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.api.Json;
import vn.govhub.config.FeedbackProperties;
import vn.govhub.connectors.agency.AgencyFeedback;
import vn.govhub.connectors.agency.AgencySystemException;
import vn.govhub.connectors.agency.Delivered;
import vn.govhub.dossier.FileLinks;
import vn.govhub.outbox.Outbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Delivers reports from the outbox to the agencies' own systems, on every node, oldest first, one entry of a report
 * at a time. The report id travels as the idempotency key, so a delivery repeated after a crash is answered "already
 * held" by the agency, never taken twice. Transient failures are retried with exponential backoff and count towards
 * the agency's {@code max-attempts} only while its circuit is closed; after the last attempt, or at once for a
 * refusal, the report's delivery is FAILED (dead letter) until an admin replays it.
 */
@Service
public class FeedbackDeliverer {

    private static final Logger log = LoggerFactory.getLogger(FeedbackDeliverer.class);

    private final Outbox outbox;
    private final FeedbackStore store;
    private final FeedbackService service;
    private final AgencySystems systems;
    private final FileLinks links;
    private final FeedbackSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    public FeedbackDeliverer(Outbox outbox, FeedbackStore store, FeedbackService service, AgencySystems systems, FileLinks links,
                             FeedbackSettings settings, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.store = store;
        this.service = service;
        this.systems = systems;
        this.links = links;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** One pass over due entries; returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        for (Outbox.Entry entry : outbox.due(FeedbackService.TOPIC, settings.batch())) {
            JsonNode payload = read(entry.payload());
            String feedbackId = payload.path("feedbackId").asText();
            FeedbackStore.Report report = store.find(feedbackId).orElse(null);
            if (report == null || !report.agency().equals(payload.path("agency").asText())) {
                outbox.done(entry.id()); // transferred meanwhile: the new agency has its own entry
                continue;
            }
            AgencySystems.Target target = systems.of(report.province(), report.agency()).orElse(null);
            if (target == null) {
                // the agency lost its system in a reload: its inbox in the hub takes the report
                transactions.executeWithoutResult(tx -> {
                    store.delivery(report.id(), "INBOX", null, null, clock.instant());
                    outbox.done(entry.id());
                });
                continue;
            }
            if (outbox.hasEarlierPending(entry.topic(), entry.aggregateId(), entry.id())) {
                continue;
            }
            CircuitBreaker breaker = target.breaker();
            if (!breaker.tryAcquirePermission()) {
                continue;
            }
            if (!outbox.claim(entry, settings.lease())) {
                breaker.releasePermission();
                continue;
            }
            if (deliver(target, entry, report)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(AgencySystems.Target target, Outbox.Entry entry, FeedbackStore.Report report) {
        CircuitBreaker breaker = target.breaker();
        long start = System.nanoTime();
        try {
            Delivered delivered = target.client().deliver(agencyFeedback(target, report));
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            Instant now = clock.instant();
            transactions.executeWithoutResult(tx -> {
                FeedbackStore.Report current = store.lock(report.id()).orElseThrow();
                if (current.agency().equals(report.agency())) { // not transferred while the call was under way
                    store.delivery(report.id(), "DELIVERED", delivered.ticketId(), null, now);
                    store.resetFailures(report.id());
                }
                store.history(report.id(), "DELIVERED", current.status(), report.agency(), "hub", (delivered.alreadyPresent()
                        ? "Hệ thống của cơ quan đã có phản ánh (gửi lại sau gián đoạn)" : "Đã gửi đến hệ thống của cơ quan")
                        + (delivered.ticketId() == null ? "" : ", mã " + delivered.ticketId()), now);
                outbox.done(entry.id());
            });
            count(target, "delivered");
            return true;
        } catch (AgencySystemException.Transient e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            count(target, "retry");
            Instant now = clock.instant();
            if (breaker.getState() != CircuitBreaker.State.CLOSED) {
                outbox.retryAt(entry.id(), now.plus(settings.breakerOpen()), e.getMessage()); // the system is down: wait, unspent
                return false;
            }
            retryOrFail(target, entry, report, e.getMessage());
        } catch (AgencySystemException.Permanent e) {
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            count(target, "refused");
            failed(entry, report, "refused by the agency's system: " + e.getMessage());
        } catch (RuntimeException e) {
            breaker.releasePermission();
            log.error("feedback {}: delivery failed in the hub", report.reference(), e);
            count(target, "error");
            retryOrFail(target, entry, report, "hub error: " + e);
        }
        return false;
    }

    private void retryOrFail(AgencySystems.Target target, Outbox.Entry entry, FeedbackStore.Report report, String error) {
        Instant now = clock.instant();
        int failures = store.countFailure(report.id(), error, now);
        FeedbackProperties.AgencySystem config = target.config();
        if (failures >= config.maxAttempts()) {
            failed(entry, report, "gave up after " + failures + " attempts: " + error);
            return;
        }
        Duration delay = config.retryBase().multipliedBy(1L << Math.min(failures - 1, 20));
        outbox.retryAt(entry.id(), now.plus(delay.compareTo(config.retryMax()) > 0 ? config.retryMax() : delay), error);
    }

    private void failed(Outbox.Entry entry, FeedbackStore.Report report, String error) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            outbox.dead(entry.id(), error);
            store.delivery(report.id(), "FAILED", null, error, now);
            store.history(report.id(), "DELIVERY_FAILED", report.status(), report.agency(), "hub", "Chưa gửi được: " + error, now);
        });
        log.warn("feedback {}: delivery to {} dead-lettered: {}", report.reference(), report.agency(), error);
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
            store.history(r.id(), "REPLAYED", r.status(), r.agency(), "admin", "Gửi lại theo yêu cầu", clock.instant());
            if (outbox.revive(FeedbackService.TOPIC, r.id()) == 0) {
                outbox.add(FeedbackService.TOPIC, r.id(), "deliver:" + r.id() + ":" + r.agency() + ":replay:" + clock.millis(),
                        FeedbackService.delivery(r.province(), r.id(), r.agency()));
            }
            return true;
        }));
    }

    AgencyFeedback agencyFeedback(AgencySystems.Target target, FeedbackStore.Report r) {
        FeedbackProperties.Category category = service.category(r.province(), r.category());
        JsonNode contact = service.contact(r);
        List<AgencyFeedback.Photo> photos = store.photos(r.id()).stream()
                .map(p -> new AgencyFeedback.Photo(p.id(), p.contentType(), p.size(), links.feedbackLink(p.id()))).toList();
        AgencyFeedback.Location location = r.lat() == null && r.address() == null && r.areaCode() == null ? null
                : new AgencyFeedback.Location(r.lat(), r.lon(), r.address(), r.areaCode());
        AgencyFeedback.Citizen citizen = contact == null ? null
                : new AgencyFeedback.Citizen(contact.path("name").asText(null), contact.path("phone").asText(null));
        return new AgencyFeedback(r.id(), r.reference(), r.category(), category == null ? r.category() : category.name(), r.title(),
                r.description(), r.submittedAt(), r.dueAt(), location, photos, citizen, r.anonymous());
    }

    private void count(AgencySystems.Target target, String outcome) {
        meters.counter("govhub.feedback.deliveries", "province", target.province(), "agency", target.agency().id(), "outcome", outcome)
                .increment();
    }

    private static JsonNode read(String payload) {
        try {
            return Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException("outbox payload is not JSON", e);
        }
    }
}
