package vn.govhub.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.api.ApiException.FieldProblem;
import vn.govhub.api.ApiException;
import vn.govhub.api.Json;
import vn.govhub.api.Texts;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.feedback.FeedbackChecks.Checked;
import vn.govhub.notify.NotificationEvent;
import vn.govhub.notify.NotificationEvents;
import vn.govhub.platform.DailyCounters;
import vn.govhub.platform.outbox.Outbox;
import vn.govhub.security.DataCipher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes a citizen's report (phản ánh – kiến nghị): checks it against the province's rules ({@link FeedbackChecks}),
 * routes it to the responsible agency, and stores it — report, photos, history and, for an agency with its own
 * system, the outbox entry that delivers it — in one transaction. A repeated Idempotency-Key answers the first report;
 * a citizen is told of open reports of the same category nearby.
 */
@Service
public class FeedbackIntake {

    public static final String TOPIC = "feedback-deliver";
    private static final Logger log = LoggerFactory.getLogger(FeedbackIntake.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final double EARTH_RADIUS_M = 6_371_000;

    /** Who sent a report: a mini app user (notified through Zalo) or an Open311 client. */
    public record Sender(String channel, String owner, String zaloName) {
        public static Sender app(String appUserId, String zaloName) {
            return new Sender("APP", appUserId, zaloName);
        }

        public static Sender open311() {
            return new Sender("OPEN311", null, null);
        }
    }

    private final FeedbackTables tables;
    private final FeedbackStore store;
    private final DailyCounters counters;
    private final Outbox outbox;
    private final NotificationEvents events;
    private final DataCipher cipher;
    private final TransactionTemplate transactions;
    private final Texts texts;
    private final Clock clock;
    private final MeterRegistry meters;

    public FeedbackIntake(FeedbackTables tables, FeedbackStore store, DailyCounters counters, Outbox outbox,
                          NotificationEvents events, DataCipher cipher, TransactionTemplate transactions, Texts texts,
                          Clock clock, MeterRegistry meters) {
        this.tables = tables;
        this.store = store;
        this.counters = counters;
        this.outbox = outbox;
        this.events = events;
        this.cipher = cipher;
        this.transactions = transactions;
        this.texts = texts;
        this.clock = clock;
        this.meters = meters;
    }

    public FeedbackViews.Accepted submit(String provinceId, Sender sender, FeedbackRequests.Submission request,
                                         List<FeedbackRequests.Photo> photos, String idempotencyKey, String mediaUrl) {
        ProvinceProperties province = tables.province(provinceId).orElseThrow(() ->
                ApiException.invalid("province", "province '" + provinceId + "' takes no feedback here"));
        FeedbackRouting routing = tables.of(province.id()).orElseThrow();
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.invalid("Idempotency-Key", "must be 8 to 128 letters, digits or . _ : -");
        }
        Checked checked = FeedbackChecks.check(routing, sender, request, photos);
        String hash = checked.hash();
        if (idempotencyKey != null && sender.owner() != null) {
            Optional<FeedbackStore.Report> earlier = store.byIdempotencyKey(province.id(), sender.owner(), idempotencyKey);
            if (earlier.isPresent()) {
                return same(earlier.get(), hash);
            }
        }
        Instant now = clock.instant();
        if (sender.owner() != null) {
            int sent = store.sentSince(province.id(), sender.owner(), now.minus(Duration.ofHours(1)));
            if (sent >= FeedbackSection.of(province).perCitizenPerHour()) {
                throw new ApiException(429, "Too Many Requests", "At most " + FeedbackSection.of(province).perCitizenPerHour()
                        + " reports an hour; please try again later.", List.of());
            }
        }
        List<FeedbackViews.PossibleDuplicate> duplicates = possibleDuplicates(province, checked, now);
        FeedbackRouting.Route route = routing.route(checked.category().code(), checked.areaCode());
        String day = DAY.format(now.atZone(province.zone()));
        int counter = transactions.execute(tx -> counters.next("PA:" + province.id(), day));
        String reference = "PA-" + day + "-" + String.format("%04d", counter);
        try {
            FeedbackStore.Report report = transactions.execute(tx -> accept(province, sender, checked, route, reference,
                    idempotencyKey, hash, mediaUrl, now));
            meters.counter("govhub.feedback.received", "province", province.id(), "channel", sender.channel()).increment();
            log.info("feedback {} ({}) received for {} category {}, routed to {}", reference, report.id(), province.id(),
                    checked.category().code(), route.agency());
            FeedbackSection.Agency agency = FeedbackSection.of(province).agency(route.agency());
            return new FeedbackViews.Accepted(report.id(), reference, report.status().name(), agency.name(),
                    report.dueAt().toString(), duplicates, false);
        } catch (DuplicateKeyException raced) {
            if (idempotencyKey != null && sender.owner() != null) {
                Optional<FeedbackStore.Report> earlier = store.byIdempotencyKey(province.id(), sender.owner(), idempotencyKey);
                if (earlier.isPresent()) {
                    return same(earlier.get(), hash);
                }
            }
            throw raced;
        }
    }

    private FeedbackViews.Accepted same(FeedbackStore.Report earlier, String hash) {
        if (!hash.equals(earlier.requestHash())) {
            throw new ApiException(409, "Conflict", "This Idempotency-Key was used for a different report.",
                    List.of(new FieldProblem("Idempotency-Key", "already used with a different body")));
        }
        return new FeedbackViews.Accepted(earlier.id(), earlier.reference(), earlier.status().name(), earlier.agency(),
                earlier.dueAt().toString(), List.of(), true);
    }

    private FeedbackStore.Report accept(ProvinceProperties province, Sender sender, Checked c, FeedbackRouting.Route route,
                                        String reference, String idempotencyKey, String hash, String mediaUrl, Instant now) {
        String id = UUID.randomUUID().toString();
        FeedbackSection.Agency agency = FeedbackSection.of(province).agency(route.agency());
        String delivery = agency.system() == null ? "INBOX" : "PENDING";
        FeedbackStore.Report report = new FeedbackStore.Report(id, province.id(), reference, sender.channel(), sender.owner(),
                c.category().code(), c.title(), c.description(), c.lat(), c.lon(), c.address(), c.areaCode(), c.anonymous(),
                c.publish(), c.contact() == null ? null : cipher.encrypt(c.contact(), "feedback.contact"), c.attributes(),
                mediaUrl, agency.id(), FeedbackStatus.RECEIVED, 2, delivery, null, null, null, null,
                now.plus(c.category().sla()), null, null, null, idempotencyKey, hash, now, now);
        store.insert(report);
        for (int i = 0; i < c.photos().size(); i++) {
            Checked.Photo p = c.photos().get(i);
            store.insertPhoto(new FeedbackStore.Photo(UUID.randomUUID().toString(), id, i, p.contentType(), p.content().length,
                    p.sha256()), p.content());
        }
        store.history(id, "RECEIVED", FeedbackStatus.RECEIVED, null, sender.channel(), texts.get("feedback.received"), now);
        store.history(id, "ROUTED", FeedbackStatus.RECEIVED, agency.id(), "hub", texts.get("feedback.routed", agency.name(), route.reason()), now);
        if (agency.system() != null) {
            outbox.add(TOPIC, id, "deliver:" + id + ":" + agency.id() + ":0", delivery(province.id(), id, agency.id()));
        }
        if (sender.owner() != null) { // the citizen hears at once where the report went and by when it is answered
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("feedbackCode", reference);
            fields.put("title", c.title());
            fields.put("agency", agency.name());
            fields.put("dueAt", DUE.format(report.dueAt().atZone(province.zone())));
            events.publish(new NotificationEvent("feedback:" + id + ":received", province.id(), "feedback-received", sender.owner(),
                    null, fields));
        }
        return report;
    }

    static String delivery(String province, String feedbackId, String agency) {
        return Json.MAPPER.createObjectNode().put("province", province).put("feedbackId", feedbackId).put("agency", agency).toString();
    }

    private List<FeedbackViews.PossibleDuplicate> possibleDuplicates(ProvinceProperties province, Checked c, Instant now) {
        int radius = FeedbackSection.of(province).duplicateRadius();
        if (c.lat() == null || radius == 0) {
            return List.of();
        }
        double dLat = Math.toDegrees(radius / EARTH_RADIUS_M);
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(c.lat())));
        List<FeedbackViews.PossibleDuplicate> found = new ArrayList<>();
        for (FeedbackStore.Report r : store.nearby(province.id(), c.category().code(), now.minus(FeedbackSection.of(province).duplicateWindow()),
                c.lat() - dLat, c.lat() + dLat, c.lon() - dLon, c.lon() + dLon)) {
            long distance = Math.round(distance(c.lat(), c.lon(), r.lat(), r.lon()));
            if (distance <= radius) {
                found.add(new FeedbackViews.PossibleDuplicate(r.reference(), r.title(), r.status().name(), distance, r.submittedAt().toString()));
            }
        }
        return found;
    }

    /** Great-circle distance in metres (haversine). */
    static double distance(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

}
