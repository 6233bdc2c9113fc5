package vn.govhub.feedback;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.connectors.agency.AgencyCallback;
import vn.govhub.connectors.agency.AgencySystemException;
import vn.govhub.connectors.agency.AgencyUpdate;
import vn.govhub.connectors.cases.CallbackSignature;
import vn.govhub.upstream.SignedCallbacks;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /webhooks/agencies/{province}/{agency}}: an agency's system reports progress, answers, rejections and
 * transfers, signed with the agency's HMAC (the scheme of {@link CallbackSignature}). Unsigned, wrongly signed and
 * stale calls get 401 and change nothing; updates are applied before the 200 (a repeat changes nothing), and an
 * agency can only move its own reports.
 */
@RestController
class AgencyWebhookController {

    private final FeedbackTables tables;
    private final FeedbackHandling handling;
    private final Clock clock;

    AgencyWebhookController(FeedbackTables tables, FeedbackHandling handling, Clock clock) {
        this.tables = tables;
        this.handling = handling;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/agencies/{province}/{agency}")
    ResponseEntity<?> receive(@PathVariable String province, @PathVariable String agency, @RequestBody(required = false) byte[] body,
                              @RequestHeader(name = CallbackSignature.TIMESTAMP_HEADER, required = false) String timestamp,
                              @RequestHeader(name = CallbackSignature.SIGNATURE_HEADER, required = false) String signature) {
        var config = tables.province(province).map(p -> FeedbackSection.of(p).agency(agency)).map(a -> a.system()).orElse(null);
        if (config == null || config.callbackSecret() == null || config.callbackSecret().isBlank()) {
            return problem(HttpStatus.NOT_FOUND, "No system of agency '" + agency + "' of province '" + province + "' calls back here.");
        }
        byte[] raw = body == null ? new byte[0] : body;
        var refusal = SignedCallbacks.refusal("agency " + province + "/" + agency, config.callbackSecret(), raw, timestamp, signature,
                clock, config.callbackMaxAge());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        List<AgencyUpdate> updates;
        try {
            updates = AgencyCallback.parseCallback(raw);
        } catch (AgencySystemException e) {
            return problem(HttpStatus.BAD_REQUEST, "The callback body cannot be read: " + e.getMessage());
        }
        int applied = 0;
        for (AgencyUpdate update : updates) {
            if (handling.applyAgencyUpdate(province, agency, update)) {
                applied++;
            }
        }
        return ResponseEntity.ok(Map.of("received", updates.size(), "applied", applied));
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String detail) {
        return SignedCallbacks.problem(status, detail);
    }
}
