package vn.govhub.zalo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.connectors.zalo.WebhookSignature;
import vn.govhub.connectors.zalo.ZaloWebhookEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /webhooks/zalo}: verify, persist, acknowledge; the processing happens afterwards
 * ({@link ZaloWebhookProcessor}), so Zalo gets its 200 in milliseconds and a crash loses nothing acknowledged.
 */
@RestController
class ZaloWebhookController {

    private static final Logger log = LoggerFactory.getLogger(ZaloWebhookController.class);
    /** Clocks differ a little: a timestamp this far in the future is still accepted. */
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(2);

    private final ZaloAccounts accounts;
    private final ZaloWebhookStore store;
    private final ZaloWebhookProcessor processor;
    private final Clock clock;

    ZaloWebhookController(ZaloAccounts accounts, ZaloWebhookStore store, ZaloWebhookProcessor processor, Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.processor = processor;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/zalo")
    ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
                              @RequestHeader(name = "X-ZEvent-Signature", required = false) String signature,
                              @RequestHeader(name = "X-ZEvent-Server", required = false) String server) {
        if (body == null || body.length == 0) {
            return problem(HttpStatus.BAD_REQUEST, "The webhook has no body.");
        }
        ZaloWebhookEvent event;
        try {
            event = ZaloWebhookEvent.parse(body, "ZNS".equalsIgnoreCase(server));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "The webhook body is not a Zalo event: " + e.getMessage());
        }
        ZaloAccounts.Account account = accounts.byAppOrOaId(event.appId(), event.oaId()).orElse(null);
        if (account == null) {
            // unknown app: answered like a bad signature, so the endpoint tells a prober nothing
            return problem(HttpStatus.UNAUTHORIZED, "Missing or invalid X-ZEvent-Signature.");
        }
        if (!WebhookSignature.verify(account.signature(), account.keys(), body, event.timestamp(), signature)) {
            log.warn("Zalo webhook {} for {} refused: missing or invalid signature", event.eventName(), account.id());
            return problem(HttpStatus.UNAUTHORIZED, "Missing or invalid X-ZEvent-Signature.");
        }
        Instant sentAt = event.sentAt();
        Instant now = clock.instant();
        if (sentAt == null || sentAt.isBefore(now.minus(account.zalo().webhookMaxAge())) || sentAt.isAfter(now.plus(FUTURE_SKEW))) {
            log.warn("Zalo webhook {} for {} refused: timestamp outside the accepted window", event.eventName(), account.id());
            return problem(HttpStatus.UNAUTHORIZED, "The event timestamp is outside the accepted window (replay?).");
        }
        try {
            long id = store.insert(account.id(), event, body);
            processor.processSoon(id);
            return ResponseEntity.ok(Map.of("received", true));
        } catch (DuplicateKeyException redelivery) {
            return ResponseEntity.ok(Map.of("received", true, "duplicate", true));
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
