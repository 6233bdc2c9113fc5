package vn.govhub.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.api.ApiException;
import vn.govhub.api.ApiException.FieldProblem;
import vn.govhub.api.Json;
import vn.govhub.config.FeedbackProperties;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.dossier.DossierStore;
import vn.govhub.files.FileKind;
import vn.govhub.notify.NotificationEvent;
import vn.govhub.notify.NotificationEvents;
import vn.govhub.platform.outbox.Outbox;
import vn.govhub.security.DataCipher;
import vn.govhub.text.VietnameseText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Citizen feedback (phản ánh – kiến nghị): takes a report, checks it against the province's rules, routes it to the
 * responsible agency and stores it — report, photos, history and, for an agency with its own system, the outbox
 * entry that delivers it — in one transaction. Also every later step: the agency's updates (from its system or its
 * inbox in the hub), transfers, answers (which notify the citizen), closing, rejection, and escalation when the due
 * time passes.
 */
@Service
public class FeedbackService {

    public static final String TOPIC = "feedback-deliver";
    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);
    private static final int MAX_TITLE = 200;
    private static final int MAX_ADDRESS = 500;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
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

    private record Checked(FeedbackProperties.Category category, String title, String description, Double lat, Double lon,
                           String address, String areaCode, boolean anonymous, boolean publish, String contact,
                           String attributes, List<Checked.Photo> photos) {
        record Photo(String contentType, byte[] content, String sha256) {
        }
    }

    private final FeedbackTables tables;
    private final FeedbackStore store;
    private final DossierStore counters;
    private final Outbox outbox;
    private final NotificationEvents events;
    private final DataCipher cipher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    public FeedbackService(FeedbackTables tables, FeedbackStore store, DossierStore counters, Outbox outbox,
                           NotificationEvents events, DataCipher cipher, TransactionTemplate transactions, Clock clock,
                           MeterRegistry meters) {
        this.tables = tables;
        this.store = store;
        this.counters = counters;
        this.outbox = outbox;
        this.events = events;
        this.cipher = cipher;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    // --- intake

    public FeedbackViews.Accepted submit(String provinceId, Sender sender, FeedbackRequests.Submission request,
                                         List<FeedbackRequests.Photo> photos, String idempotencyKey, String mediaUrl) {
        ProvinceProperties province = tables.province(provinceId).orElseThrow(() ->
                ApiException.invalid("province", "province '" + provinceId + "' takes no feedback here"));
        FeedbackRouting routing = tables.of(province.id()).orElseThrow();
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.invalid("Idempotency-Key", "must be 8 to 128 letters, digits or . _ : -");
        }
        Checked checked = check(routing, sender, request, photos);
        String hash = hash(checked);
        if (idempotencyKey != null && sender.owner() != null) {
            Optional<FeedbackStore.Report> earlier = store.byIdempotencyKey(province.id(), sender.owner(), idempotencyKey);
            if (earlier.isPresent()) {
                return same(earlier.get(), hash);
            }
        }
        Instant now = clock.instant();
        if (sender.owner() != null) {
            int sent = store.sentSince(province.id(), sender.owner(), now.minus(Duration.ofHours(1)));
            if (sent >= province.feedback().perCitizenPerHour()) {
                throw new ApiException(429, "Too Many Requests", "At most " + province.feedback().perCitizenPerHour()
                        + " reports an hour; please try again later.", List.of());
            }
        }
        List<FeedbackViews.PossibleDuplicate> duplicates = possibleDuplicates(province, checked, now);
        FeedbackRouting.Route route = routing.route(checked.category().code(), checked.areaCode());
        String day = DAY.format(now.atZone(province.zone()));
        int counter = transactions.execute(tx -> counters.nextCounter("PA:" + province.id(), day));
        String reference = "PA-" + day + "-" + String.format("%04d", counter);
        try {
            FeedbackStore.Report report = transactions.execute(tx -> accept(province, sender, checked, route, reference,
                    idempotencyKey, hash, mediaUrl, now));
            meters.counter("govhub.feedback.received", "province", province.id(), "channel", sender.channel()).increment();
            log.info("feedback {} ({}) received for {} category {}, routed to {}", reference, report.id(), province.id(),
                    checked.category().code(), route.agency());
            FeedbackProperties.Agency agency = province.feedback().agency(route.agency());
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
        FeedbackProperties.Agency agency = province.feedback().agency(route.agency());
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
        store.history(id, "RECEIVED", FeedbackStatus.RECEIVED, null, sender.channel(), "Đã tiếp nhận phản ánh", now);
        store.history(id, "ROUTED", FeedbackStatus.RECEIVED, agency.id(), "hub", "Chuyển đến " + agency.name() + " (" + route.reason() + ")", now);
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

    private Checked check(FeedbackRouting routing, Sender sender, FeedbackRequests.Submission r,
                          List<FeedbackRequests.Photo> photos) {
        FeedbackProperties rules = routing.config();
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null) {
            throw ApiException.invalid("body", "a report is required");
        }
        FeedbackProperties.Category category = null;
        if (blank(r.category())) {
            problems.add(new FieldProblem("category", "is required"));
        } else {
            category = rules.category(r.category().trim());
            if (category == null) {
                problems.add(new FieldProblem("category", "is not a category of this province (one of "
                        + String.join(", ", rules.categories().stream().map(FeedbackProperties.Category::code).toList()) + ")"));
            }
        }
        String title = text(r.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "is required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE + " characters"));
        }
        String description = text(r.description());
        if (description == null) {
            problems.add(new FieldProblem("description", "is required"));
        } else if (description.codePointCount(0, description.length()) > rules.maxDescription()) {
            problems.add(new FieldProblem("description", "must be at most " + rules.maxDescription() + " characters"));
        }
        Double lat = null;
        Double lon = null;
        String address = null;
        String areaCode = null;
        FeedbackRequests.Location where = r.location();
        if (where == null || (where.lat() == null && where.lon() == null && blank(where.address()))) {
            problems.add(new FieldProblem("location", "is required: lat and long, or an address"));
        } else {
            if ((where.lat() == null) != (where.lon() == null)) {
                problems.add(new FieldProblem("location", "needs both lat and long"));
            } else if (where.lat() != null) {
                if (!Double.isFinite(where.lat()) || !Double.isFinite(where.lon()) || !routing.inProvince(where.lat(), where.lon())) {
                    problems.add(new FieldProblem("location", "lies outside the province"));
                } else {
                    lat = where.lat();
                    lon = where.lon();
                    areaCode = routing.areaAt(lat, lon).orElse(null);
                }
            }
            address = text(where.address());
            if (address != null && address.length() > MAX_ADDRESS) {
                problems.add(new FieldProblem("location.address", "must be at most " + MAX_ADDRESS + " characters"));
            }
            if (areaCode == null && !blank(where.areaCode())) {
                if (routing.knowsArea(where.areaCode().trim())) {
                    areaCode = where.areaCode().trim();
                } else {
                    problems.add(new FieldProblem("location.areaCode", "is not a commune or ward of this province"));
                }
            }
        }
        boolean anonymous = Boolean.TRUE.equals(r.anonymous());
        String contact = null;
        if (!anonymous && sender.owner() != null) {
            contact = contact(r.contact(), sender.zaloName(), problems);
        } else if (!anonymous && r.contact() != null) {
            contact = contact(r.contact(), null, problems);
        }
        String attributes = category == null ? null : attributes(category, r.attributes(), problems);
        List<Checked.Photo> checkedPhotos = new ArrayList<>();
        List<FeedbackRequests.Photo> given = photos == null ? List.of() : photos;
        if (given.size() > rules.maxPhotos()) {
            problems.add(new FieldProblem("photos", "at most " + rules.maxPhotos() + " photos"));
        } else {
            boolean keepLocation = Boolean.TRUE.equals(r.shareLocation());
            for (int i = 0; i < given.size(); i++) {
                FeedbackRequests.Photo photo = given.get(i);
                String field = "photos[" + i + "]";
                if (photo.content().length > rules.maxPhotoBytes()) {
                    problems.add(new FieldProblem(field, "is larger than " + rules.maxPhotoBytes() + " bytes"));
                    continue;
                }
                Optional<FileKind> kind = FileKind.detect(photo.content());
                if (kind.isEmpty() || (kind.get() != FileKind.JPEG && kind.get() != FileKind.PNG)) {
                    problems.add(new FieldProblem(field, "is not a JPEG or PNG image (by its content)"));
                    continue;
                }
                byte[] content;
                try {
                    content = vn.govhub.files.Images.reencode(photo.content(), kind.get().mediaType(), keepLocation);
                } catch (vn.govhub.files.Images.Refused refused) {
                    problems.add(new FieldProblem(field, refused.getMessage()));
                    continue;
                }
                checkedPhotos.add(new Checked.Photo(kind.get().mediaType(), content, sha256(content)));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new Checked(category, title, description, lat, lon, address, areaCode, anonymous, Boolean.TRUE.equals(r.publish()),
                contact, attributes, checkedPhotos);
    }

    private static String contact(FeedbackRequests.Contact c, String zaloName, List<FieldProblem> problems) {
        String name = c != null && !blank(c.name()) ? c.name().trim() : zaloName;
        String phone = null;
        String email = null;
        if (c != null && !blank(c.phone())) {
            if (PhoneNumbers.isValid(c.phone())) {
                phone = PhoneNumbers.toZalo(c.phone());
            } else {
                problems.add(new FieldProblem("contact.phone", "must be a Vietnamese mobile number (0912345678 or +84912345678)"));
            }
        }
        if (c != null && !blank(c.email())) {
            if (EMAIL.matcher(c.email().trim()).matches()) {
                email = c.email().trim();
            } else {
                problems.add(new FieldProblem("contact.email", "is not an e-mail address"));
            }
        }
        if (name == null && phone == null && email == null) {
            return null;
        }
        return Json.MAPPER.createObjectNode().put("name", name).put("phone", phone).put("email", email).toString();
    }

    private static String attributes(FeedbackProperties.Category category, Map<String, Object> given, List<FieldProblem> problems) {
        Map<String, Object> answers = given == null ? Map.of() : given;
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (String code : answers.keySet()) {
            if (category.attributes().stream().noneMatch(a -> a.code().equals(code))) {
                problems.add(new FieldProblem("attributes." + code, "is not a question of category " + category.code()));
            }
        }
        for (FeedbackProperties.Attribute a : category.attributes()) {
            Object value = answers.get(a.code());
            String field = "attributes." + a.code();
            if (value == null || (value instanceof String s && s.isBlank())) {
                if (a.required()) {
                    problems.add(new FieldProblem(field, "is required"));
                }
                continue;
            }
            List<String> values = value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
            switch (a.datatype()) {
                case "number" -> {
                    try {
                        Double.parseDouble(values.get(0));
                    } catch (NumberFormatException e) {
                        problems.add(new FieldProblem(field, "must be a number"));
                    }
                }
                case "singlevaluelist", "multivaluelist" -> {
                    if (a.datatype().equals("singlevaluelist") && values.size() != 1) {
                        problems.add(new FieldProblem(field, "takes one value"));
                    } else if (!a.values().keySet().containsAll(values)) {
                        problems.add(new FieldProblem(field, "must be among " + String.join(", ", a.values().keySet())));
                    }
                }
                default -> {
                    if (values.get(0).length() > 1000) {
                        problems.add(new FieldProblem(field, "must be at most 1000 characters"));
                    }
                }
            }
            if (values.size() == 1 && !a.datatype().equals("multivaluelist")) {
                out.put(a.code(), values.get(0));
            } else {
                values.forEach(out.withArray(a.code())::add);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    private List<FeedbackViews.PossibleDuplicate> possibleDuplicates(ProvinceProperties province, Checked c, Instant now) {
        int radius = province.feedback().duplicateRadius();
        if (c.lat() == null || radius == 0) {
            return List.of();
        }
        double dLat = Math.toDegrees(radius / EARTH_RADIUS_M);
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(c.lat())));
        List<FeedbackViews.PossibleDuplicate> found = new ArrayList<>();
        for (FeedbackStore.Report r : store.nearby(province.id(), c.category().code(), now.minus(province.feedback().duplicateWindow()),
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

    // --- later steps

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
                    store.history(r.id(), "CLAIMED", FeedbackStatus.IN_PROGRESS, r.agency(), actor, "Đang giải quyết", now);
                }
                case REPLY -> {
                    open(r);
                    String answer = required(step == null ? null : step.answer(), "answer", 4000);
                    answered(province, r, answer, actor, now);
                }
                case TRANSFER -> {
                    open(r);
                    String to = required(step == null ? null : step.agency(), "agency", 40);
                    String reason = required(step.reason(), "reason", 1000);
                    transfer(province, r, to, reason, actor, now);
                }
                case CLOSE -> {
                    if (r.status() == FeedbackStatus.CLOSED || r.status() == FeedbackStatus.REJECTED) {
                        throw new ApiException(409, "Conflict", "Report " + r.reference() + " is already " + r.status() + ".", List.of());
                    }
                    String note = step == null || blank(step.note()) ? "Đã đóng phản ánh" : step.note().trim();
                    store.update(r.id(), r.agency(), FeedbackStatus.CLOSED, r.paknState(), r.claimedBy(),
                            r.answer(), r.answeredAt(), r.dueAt(), now);
                    store.history(r.id(), "CLOSED", FeedbackStatus.CLOSED, r.agency(), actor, note, now);
                }
                case REJECT -> {
                    open(r);
                    String reason = required(step == null ? null : step.reason(), "reason", 4000);
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
                if (province.feedback().agency(update.transferTo()) == null) {
                    store.history(r.id(), "TRANSFER_REFUSED", r.status(), r.agency(), actor,
                            "Cơ quan " + update.transferTo() + " không có trong cấu hình", now);
                    return false;
                }
                if (r.status().ended()) {
                    return false;
                }
                transfer(province, r, update.transferTo(), update.note() == null ? "Chuyển xử lý" : update.note(), actor, now);
                return true;
            }
            if (r.status().ended() || update.state() == r.paknState()) {
                return false; // a repeat, or news about a report that has ended
            }
            FeedbackStatus next = FeedbackStatus.ofPakn(update.state());
            switch (next) {
                case ANSWERED -> answered(province, r, update.note() == null ? "Đã giải quyết" : update.note(), actor, now);
                case REJECTED -> rejected(province, r, update.state(), update.note() == null ? "Không tiếp nhận" : update.note(), actor, now);
                default -> {
                    store.update(r.id(), r.agency(), next, update.state(), r.claimedBy(), r.answer(), r.answeredAt(), r.dueAt(), now);
                    store.history(r.id(), "AGENCY_UPDATE", next, r.agency(), actor, update.note() == null
                            ? "Trạng thái PAKN " + update.state() : update.note(), now);
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
        FeedbackProperties.Agency target = province.feedback().agency(to);
        if (target == null) {
            throw ApiException.invalid("agency", "is not an agency of this province");
        }
        if (target.id().equals(r.agency())) {
            throw ApiException.invalid("agency", "is the agency that holds the report already");
        }
        store.update(r.id(), target.id(), FeedbackStatus.RECEIVED, 2, null, null, null, r.dueAt(), now);
        store.delivery(r.id(), target.system() == null ? "INBOX" : "PENDING", null, null, now);
        long historyId = historyId(r.id(), "TRANSFERRED", FeedbackStatus.RECEIVED, target.id(), actor,
                "Chuyển từ " + r.agency() + " đến " + target.name() + ": " + reason, now);
        if (target.system() != null) {
            outbox.add(TOPIC, r.id(), "deliver:" + r.id() + ":" + target.id() + ":" + historyId, delivery(province.id(), r.id(), target.id()));
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
                store.history(r.id(), "ESCALATED", r.status(), r.agency(), "hub",
                        "Quá hạn giải quyết (hạn " + r.dueAt() + "): báo cáo lãnh đạo", now);
                tables.province(r.province()).ifPresent(province -> escalationEvents(province, r));
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
        FeedbackProperties.Agency agency = province.feedback().agency(r.agency());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("feedbackCode", r.reference());
        fields.put("title", r.title());
        fields.put("agency", agency == null ? r.agency() : agency.name());
        fields.put("dueAt", DUE.format(r.dueAt().atZone(province.zone())));
        for (String supervisor : province.feedback().escalateTo()) {
            events.publish(new NotificationEvent("feedback-escalated:" + r.id() + ":" + supervisor, province.id(), "feedback-escalated",
                    supervisor, null, fields));
        }
    }

    private void notify(ProvinceProperties province, FeedbackStore.Report r, String kind, long historyId, String text) {
        if (r.owner() == null) {
            return; // an Open311 client reads the answer through Open311
        }
        FeedbackProperties.Agency agency = province.feedback().agency(r.agency());
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

    private static String required(String value, String field, int max) {
        if (blank(value)) {
            throw ApiException.invalid(field, "is required");
        }
        String v = VietnameseText.nfc(value.trim());
        if (v.length() > max) {
            throw ApiException.invalid(field, "must be at most " + max + " characters");
        }
        return v;
    }

    private static String summary(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    private static String text(String value) {
        return blank(value) ? null : VietnameseText.nfc(value.trim());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String hash(Checked c) {
        StringBuilder canonical = new StringBuilder().append(c.category().code()).append('|').append(c.title()).append('|')
                .append(c.description()).append('|').append(c.lat()).append(',').append(c.lon()).append('|').append(c.address())
                .append('|').append(c.anonymous()).append('|').append(c.publish()).append('|').append(c.attributes());
        c.photos().forEach(p -> canonical.append('|').append(p.sha256()));
        return sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A category of a province's current configuration, or null. */
    public FeedbackProperties.Category category(String provinceId, String code) {
        return tables.province(provinceId).map(p -> p.feedback().category(code)).orElse(null);
    }

    /** The sender's contact, decrypted (null when anonymous or none was given). */
    public JsonNode contact(FeedbackStore.Report r) {
        if (r.contact() == null || r.anonymous()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(cipher.decrypt(r.contact(), "feedback.contact"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contact of " + r.reference() + " is unreadable", e);
        }
    }
}
