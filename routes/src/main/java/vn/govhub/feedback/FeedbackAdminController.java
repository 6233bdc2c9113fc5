package vn.govhub.feedback;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.admin.AdminPrincipal;
import vn.govhub.api.ApiException;
import vn.govhub.api.RequestBodies;
import vn.govhub.config.ProvinceRegistry;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agency inbox and the operators' view of feedback, under {@code /admin/feedback}. An agency officer sees and
 * works only its agencies' reports (another's is 404); operators see all, replay failed deliveries and run the
 * overdue check. The sender's identity is masked in lists, shown in a report's detail unless it was sent anonymously.
 */
@RestController
@RequestMapping("/admin/feedback")
class FeedbackAdminController {

    private final FeedbackStore store;
    private final FeedbackHandling handling;
    private final FeedbackReads reads;
    private final FeedbackDeliverer deliverer;
    private final ProvinceRegistry provinces;
    private final Clock clock;

    FeedbackAdminController(FeedbackStore store, FeedbackHandling handling, FeedbackReads reads, FeedbackDeliverer deliverer,
                            ProvinceRegistry provinces, Clock clock) {
        this.store = store;
        this.handling = handling;
        this.reads = reads;
        this.deliverer = deliverer;
        this.provinces = provinces;
        this.clock = clock;
    }

    @GetMapping
    List<FeedbackViews.Inboxed> list(HttpServletRequest request, @RequestParam(required = false) String province,
                                     @RequestParam(required = false) String agency, @RequestParam(required = false) String status,
                                     @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String delivery,
                                     @RequestParam(required = false) Integer limit) {
        AdminPrincipal principal = AdminPrincipal.of(request);
        List<String> ids = province == null ? provinces.enabled().stream().filter(p -> FeedbackSection.of(p).enabled()).map(p -> p.id()).toList()
                : List.of(province);
        List<FeedbackStatus> statuses = null;
        if (status != null) {
            statuses = new ArrayList<>();
            for (String s : status.split(",")) {
                try {
                    statuses.add(FeedbackStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid("status", "is not a feedback status");
                }
            }
        }
        if (delivery != null && !List.of("PENDING", "DELIVERED", "INBOX", "FAILED").contains(delivery)) {
            throw ApiException.invalid("delivery", "must be PENDING, DELIVERED, INBOX or FAILED");
        }
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 500) {
            throw ApiException.invalid("limit", "must be between 1 and 500");
        }
        List<FeedbackViews.Inboxed> out = new ArrayList<>();
        for (String p : ids) {
            List<String> agencies = agency == null ? null : List.of(agency);
            if (!principal.operator()) {
                List<String> own = principal.agencies().stream().filter(a -> a.startsWith(p + "/")).map(a -> a.substring(p.length() + 1))
                        .filter(a -> agency == null || a.equals(agency)).toList();
                agencies = own;
            }
            for (FeedbackStore.Report r : store.list(new FeedbackStore.Filter(p, agencies, statuses, null, delivery, overdue,
                    clock.instant(), null, null, null, max))) {
                out.add(reads.inboxed(r, false));
            }
        }
        return out;
    }

    @GetMapping("/{id}")
    FeedbackViews.Inboxed one(HttpServletRequest request, @PathVariable String id) {
        return reads.inboxed(permitted(request, id), true);
    }

    @GetMapping("/photos/{photoId}")
    ResponseEntity<byte[]> photo(HttpServletRequest request, @PathVariable String photoId) {
        FeedbackStore.Photo photo = store.photo(photoId)
                .filter(p -> store.find(p.feedbackId()).filter(r -> AdminPrincipal.of(request).mayAct(r.province(), r.agency())).isPresent())
                .orElseThrow(() -> ApiException.notFound("No photo " + photoId + "."));
        byte[] content = store.photoContent(photoId).orElseThrow(() -> ApiException.notFound("No photo " + photoId + "."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(content);
    }

    @PostMapping("/{id}/{action}")
    FeedbackViews.Inboxed act(HttpServletRequest request, @PathVariable String id, @PathVariable String action) throws IOException {
        FeedbackStore.Report report = permitted(request, id);
        AdminPrincipal principal = AdminPrincipal.of(request);
        if (action.equals("replay")) {
            if (!deliverer.replay(report.id())) {
                throw new ApiException(409, "Conflict", "Report " + report.reference() + " has no failed delivery.", List.of());
            }
            return reads.inboxed(store.find(id).orElseThrow(), true);
        }
        FeedbackHandling.Action step = switch (action) {
            case "claim" -> FeedbackHandling.Action.CLAIM;
            case "reply" -> FeedbackHandling.Action.REPLY;
            case "transfer" -> FeedbackHandling.Action.TRANSFER;
            case "close" -> FeedbackHandling.Action.CLOSE;
            case "reject" -> FeedbackHandling.Action.REJECT;
            default -> throw ApiException.notFound("No action '" + action + "' (claim, reply, transfer, close, reject, replay).");
        };
        byte[] raw = RequestBodies.raw(request);
        FeedbackRequests.Step body = raw.length == 0 ? null : RequestBodies.json(raw, FeedbackRequests.Step.class);
        return reads.inboxed(handling.act(report.id(), step, principal.name(), body), true);
    }

    /** Operators: every failed delivery of a province back to the outbox. */
    @PostMapping("/replay")
    Map<String, Object> replayAll(HttpServletRequest request, @RequestParam String province) {
        operator(request);
        int replayed = 0;
        for (FeedbackStore.Report r : store.list(new FeedbackStore.Filter(province, null, null, null, "FAILED", null, null, null,
                null, null, 10_000))) {
            if (deliverer.replay(r.id())) {
                replayed++;
            }
        }
        return Map.of("replayed", replayed);
    }

    /** Operators: the overdue check now, instead of at its next tick. */
    @PostMapping("/escalation")
    Map<String, Object> escalate(HttpServletRequest request) {
        operator(request);
        return Map.of("escalated", handling.escalateOverdue());
    }

    private FeedbackStore.Report permitted(HttpServletRequest request, String id) {
        FeedbackStore.Report r = store.find(id).orElseThrow(() -> ApiException.notFound("No report " + id + "."));
        if (!AdminPrincipal.of(request).mayAct(r.province(), r.agency())) {
            throw ApiException.notFound("No report " + id + ".");
        }
        return r;
    }

    private static void operator(HttpServletRequest request) {
        if (!AdminPrincipal.of(request).operator()) {
            throw new ApiException(403, "Forbidden", "Operators only.", List.of());
        }
    }
}
