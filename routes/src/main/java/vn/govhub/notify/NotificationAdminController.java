package vn.govhub.notify;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Operators: notifications by status, replay of failed ones, and publishing an event by hand. */
@RestController
@RequestMapping("/admin/notifications")
class NotificationAdminController {

    private static final java.util.Set<String> STATUSES = java.util.Arrays.stream(NotificationStore.Status.values())
            .map(Enum::name).collect(java.util.stream.Collectors.toSet());

    private final NotificationStore store;
    private final NotificationEvents events;

    NotificationAdminController(NotificationStore store, NotificationEvents events) {
        this.store = store;
        this.events = events;
    }

    @GetMapping
    ResponseEntity<?> list(@RequestParam(required = false) String province, @RequestParam(required = false) String status,
                           @RequestParam(defaultValue = "50") int limit) {
        String wanted = status == null ? null : status.toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            return bad("status", "must be one of " + STATUSES);
        }
        return ResponseEntity.ok(store.list(province, wanted, Math.max(1, Math.min(limit, 500))).stream()
                .map(NotificationAdminController::adminView).toList());
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<?> replay(@PathVariable long id) {
        if (store.replay(id)) {
            return ResponseEntity.accepted().body(Map.of("id", id, "status", "PENDING"));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Notification " + id + " is not FAILED on a channel (only failed OA/ZNS notifications are replayed).");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Replays every FAILED notification of a province (or all). */
    @PostMapping("/replay")
    ResponseEntity<?> replayAll(@RequestParam(required = false) String province) {
        int replayed = 0;
        for (NotificationStore.Notification n : store.list(province, "FAILED", 10_000)) {
            if (store.replay(n.id())) {
                replayed++;
            }
        }
        return ResponseEntity.accepted().body(Map.of("replayed", replayed));
    }

    /** Publishes a domain event by hand (an operator's announcement, a demo); the flow treats it like any other. */
    @PostMapping("/events")
    ResponseEntity<?> publish(@RequestBody NotificationEvent event) {
        boolean published = events.publish(event);
        return ResponseEntity.accepted().body(Map.of("eventId", event.eventId(), "published", published));
    }

    private static Map<String, Object> adminView(NotificationStore.Notification n) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", n.id());
        view.put("province", n.province());
        view.put("eventId", n.eventId());
        view.put("kind", n.kind());
        view.put("recipient", n.recipient());
        view.put("channel", n.channel());
        view.put("to", n.channel().equals("ZNS") ? vn.govhub.connectors.zalo.PhoneNumbers.mask(n.address()) : n.address());
        view.put("status", n.status());
        view.put("msgId", n.msgId());
        view.put("errorCode", n.errorCode());
        view.put("error", n.error());
        view.put("attempts", n.attempts());
        view.put("createdAt", n.createdAt());
        view.put("sentAt", n.sentAt());
        view.put("deliveredAt", n.deliveredAt());
        return view;
    }

    private static ResponseEntity<ProblemDetail> bad(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }
}
