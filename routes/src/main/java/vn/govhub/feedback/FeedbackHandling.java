package vn.govhub.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.api.ApiException;
import vn.govhub.api.Texts;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.notify.NotificationEvent;
import vn.govhub.notify.NotificationEvents;
import vn.govhub.platform.outbox.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every step of a report after intake: the agency's updates (from its own system, or its inbox in the hub), transfers,
 * answers and rejections (which notify the citizen), closing, and escalation to the supervisors once the due time
 * passes. Each step runs under the report's row lock and leaves a line in its history.
 */
@Service
public class FeedbackHandling {

    private static final Logger log = LoggerFactory.getLogger(FeedbackHandling.class);

    private final FeedbackTables tables;
    private final FeedbackStore store;
    private final Outbox outbox;
    private final NotificationEvents events;
    private final TransactionTemplate transactions;
    private final Texts texts;
    private final Clock clock;
    private final MeterRegistry meters;

    public FeedbackHandling(FeedbackTables tables, FeedbackStore store, Outbox outbox, NotificationEvents events,
                            TransactionTemplate transactions, Texts texts, Clock clock, MeterRegistry meters) {
        this.tables = tables;
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.transactions = transactions;
        this.texts = texts;
        this.clock = clock;
        this.meters = meters;
    }

    /** An actor's step on a report; applied under the report's row lock. */
    public enum Action { CLAIM, REPLY, TRANSFER, CLOSE, REJECT }

    /**
     * An inbox step by an agency's officer ({@code actor}) or an operator. Replies and rejections reach the citizen;
     * a transfer hands the report to another agency (delivered to its system if it has one).
     */
    public FeedbackStore.Report act(String feedbackId, Action action, String actor, FeedbackRequests.Step step) {
        return transactions.execute(tx -> {
            FeedbackStore.Report r = store.lock(feedbackId).orElseThrow(() -> ApiException.notFound("No report " + feedbackId + "."));
            ProvinceProperties province = tables.province(r.province()).orElseThrow(() ->
                    new ApiException(409, "Conflict", "Province " + r.province() + " takes no feedback now.", List.of()));
            Instant now = clock.instant();
            switch (action) {
                case CLAIM -> {
                    open(r);
                    store.update(r.id(), r.agency(), FeedbackStatus.IN_PROGRESS, 7, actor, r.answer(), r.answeredAt(), r.dueAt(), now);
                    store.history(r.id(), "CLAIMED", FeedbackStatus.IN_PROGRESS, r.agency(), actor, texts.get("feedback.claimed"), now);
                }
                case REPLY -> {
                    open(r);
                    String answer = FeedbackChecks.required(step == null ? null : step.answer(), "answer", 4000);
                    answered(province, r, answer, actor, now);
                }
                case TRANSFER -> {
                    open(r);
                    String to = FeedbackChecks.required(step == null ? null : step.agency(), "agency", 40);
                    String reason = FeedbackChecks.required(step.reason(), "reason", 1000);
                    transfer(province, r, to, reason, actor, now);
                }
                case CLOSE -> {
                    if (r.status() == FeedbackStatus.CLOSED || r.status() == FeedbackStatus.REJECTED) {
                        throw new ApiException(409, "Conflict", "Report " + r.reference() + " is already " + r.status() + ".", List.of());
                    }
                    String note = step == null || FeedbackChecks.blank(step.note()) ? texts.get("feedback.closed") : step.note().trim();
                    store.update(r.id(), r.agency(), FeedbackStatus.CLOSED, r.paknState(), r.claimedBy(),
                            r.answer(), r.answeredAt(), r.dueAt(), now);
                    store.history(r.id(), "CLOSED", FeedbackStatus.CLOSED, r.agency(), actor, note, now);
                }
                case REJECT -> {
                    open(r);
                    String reason = FeedbackChecks.required(step == null ? null : step.reason(), "reason", 4000);
                    rejected(province, r, r.paknState() >= 5 ? 6 : 3, reason, actor, now);
                }
            }
            return store.find(r.id()).orElseThrow();
        });
    }

    /** An update the agency's own system called back with; stale or repeated updates change nothing. */
    public boolean applyAgencyUpdate(String provinceId, String agencyId, vn.govhub.connectors.agency.AgencyUpdate update) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            FeedbackStore.Report r = store.lock(update.feedbackId()).orElse(null);
            if (r == null || !r.province().equals(provinceId) || !r.agency().equals(agencyId)) {
                return false; // not this agency's report (any more): an agency cannot act on another's
            }
            ProvinceProperties province = tables.province(provinceId).orElse(null);
            if (province == null) {
                return false;
            }
            Instant now = clock.instant();
            String actor = update.handler() == null ? agencyId : truncate(update.handler(), 64);
            if (update.ticketId() != null && r.ticket() == null) {
                store.delivery(r.id(), r.delivery(), update.ticketId(), null, now);
            }
            if (update.at() != null && r.agencyUpdatedAt() != null && update.at().isBefore(r.agencyUpdatedAt())) {
                return false; // overtaken by a later report of the agency (its retries can arrive out of order)
            }
            store.agencyUpdatedAt(r.id(), update.at() != null ? update.at() : now);
            if (update.transferTo() != null) {
                if (FeedbackSection.of(province).agency(update.transferTo()) == null) {
                    store.history(r.id(), "TRANSFER_REFUSED", r.status(), r.agency(), actor,
                            texts.get("feedback.transfer-refused", update.transferTo()), now);
                    return false;
                }
                if (r.status().ended()) {
                    return false;
                }
                transfer(province, r, update.transferTo(), update.note() == null ? texts.get("feedback.transferred-by-agency") : update.note(), actor, now);
                return true;
            }
            if (r.status().ended() || update.state() == r.paknState()) {
                return false; // a repeat, or news about a report that has ended
            }
            FeedbackStatus next = FeedbackStatus.ofPakn(update.state());
            switch (next) {
                case ANSWERED -> answered(province, r, update.note() == null ? texts.get("feedback.answered") : update.note(), actor, now);
                case REJECTED -> rejected(province, r, update.state(), update.note() == null ? texts.get("feedback.rejected") : update.note(), actor, now);
                default -> {
                    store.update(r.id(), r.agency(), next, update.state(), r.claimedBy(), r.answer(), r.answeredAt(), r.dueAt(), now);
                    store.history(r.id(), "AGENCY_UPDATE", next, r.agency(), actor, update.note() == null
                            ? texts.get("feedback.pakn-state", String.valueOf(update.state())) : update.note(), now);
                }
            }
            return true;
        }));
    }

    private void answered(ProvinceProperties province, FeedbackStore.Report r, String answer, String actor, Instant now) {
        store.update(r.id(), r.agency(), FeedbackStatus.ANSWERED, 10, r.claimedBy() == null ? actor : r.claimedBy(), answer, now,
                r.dueAt(), now);
        long historyId = historyId(r.id(), "ANSWERED", FeedbackStatus.ANSWERED, r.agency(), actor, answer, now);
        notify(province, r, "feedback-answered", historyId, answer);
        meters.counter("govhub.feedback.answered", "province", province.id()).increment();
    }

    private void rejected(ProvinceProperties province, FeedbackStore.Report r, int paknState, String reason, String actor, Instant now) {
        store.update(r.id(), r.agency(), FeedbackStatus.REJECTED, paknState, r.claimedBy(), reason, now, r.dueAt(), now);
        long historyId = historyId(r.id(), "REJECTED", FeedbackStatus.REJECTED, r.agency(), actor, reason, now);
        notify(province, r, "feedback-rejected", historyId, reason);
    }

    private void transfer(ProvinceProperties province, FeedbackStore.Report r, String to, String reason, String actor, Instant now) {
        FeedbackSection.Agency target = FeedbackSection.of(province).agency(to);
        if (target == null) {
            throw ApiException.invalid("agency", "is not an agency of this province");
        }
        if (target.id().equals(r.agency())) {
            throw ApiException.invalid("agency", "is the agency that holds the report already");
        }
        store.update(r.id(), target.id(), FeedbackStatus.RECEIVED, 2, null, null, null, r.dueAt(), now);
        store.delivery(r.id(), target.system() == null ? "INBOX" : "PENDING", null, null, now);
        long historyId = historyId(r.id(), "TRANSFERRED", FeedbackStatus.RECEIVED, target.id(), actor,
                texts.get("feedback.transferred", r.agency(), target.name(), reason), now);
        if (target.system() != null) {
            outbox.add(FeedbackIntake.TOPIC, r.id(), "deliver:" + r.id() + ":" + target.id() + ":" + historyId, FeedbackIntake.delivery(province.id(), r.id(), target.id()));
        }
    }

    /** Marks overdue reports (each once) and records the escalation; returns how many. */
    public int escalateOverdue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (FeedbackStore.Report r : store.overdueNotEscalated(now, 200)) {
            boolean first = Boolean.TRUE.equals(transactions.execute(tx -> {
                if (!store.escalate(r.id(), now)) {
                    return false;
                }
                Optional<ProvinceProperties> province = tables.province(r.province());
                ZoneId zone = province.map(ProvinceProperties::zone).orElse(ZoneId.of("Asia/Ho_Chi_Minh"));
                store.history(r.id(), "ESCALATED", r.status(), r.agency(), "hub",
                        texts.get("feedback.escalated", FeedbackIntake.DUE.format(r.dueAt().atZone(zone))), now);
                province.ifPresent(p -> escalationEvents(p, r));
                return true;
            }));
            if (first) {
                escalated++;
                meters.counter("govhub.feedback.escalated", "province", r.province(), "agency", r.agency()).increment();
                log.warn("feedback {} of {} is overdue at {} (due {}): escalated", r.reference(), r.province(), r.agency(), r.dueAt());
            }
        }
        return escalated;
    }

    /** The escalation event: each configured supervisor is told, once per report (the event id carries both). */
    private void escalationEvents(ProvinceProperties province, FeedbackStore.Report r) {
        FeedbackSection.Agency agency = FeedbackSection.of(province).agency(r.agency());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("feedbackCode", r.reference());
        fields.put("title", r.title());
        fields.put("agency", agency == null ? r.agency() : agency.name());
        fields.put("dueAt", FeedbackIntake.DUE.format(r.dueAt().atZone(province.zone())));
        for (String supervisor : FeedbackSection.of(province).escalateTo()) {
            events.publish(new NotificationEvent("feedback-escalated:" + r.id() + ":" + supervisor, province.id(), "feedback-escalated",
                    supervisor, null, fields));
        }
    }

    private void notify(ProvinceProperties province, FeedbackStore.Report r, String kind, long historyId, String text) {
        if (r.owner() == null) {
            return; // an Open311 client reads the answer through Open311
        }
        FeedbackSection.Agency agency = FeedbackSection.of(province).agency(r.agency());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("feedbackCode", r.reference());
        fields.put("title", r.title());
        fields.put("agency", agency == null ? r.agency() : agency.name());
        fields.put("answerSummary", summary(text));
        events.publish(new NotificationEvent("feedback:" + r.id() + ":h" + historyId, province.id(), kind, r.owner(), null, fields));
    }

    private long historyId(String feedbackId, String action, FeedbackStatus status, String agency, String actor, String note, Instant at) {
        store.history(feedbackId, action, status, agency, actor, note, at);
        return store.lastHistoryId(feedbackId);
    }

    private static void open(FeedbackStore.Report r) {
        if (r.status().ended()) {
            throw new ApiException(409, "Conflict", "Report " + r.reference() + " is " + r.status() + " already.", List.of());
        }
    }

    private static String summary(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
