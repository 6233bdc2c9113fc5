package vn.govhub.dossier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.connectors.cases.CallbackSignature;
import vn.govhub.connectors.cases.CaseStatus;
import vn.govhub.connectors.cases.CaseSystemException;
import vn.govhub.upstream.SignedCallbacks;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /webhooks/cases/{province}}: status callbacks of a province's case-handling system, signed with
 * its HMAC ({@link CallbackSignature}). Unsigned, wrongly signed and stale callbacks get 401 and change nothing;
 * a valid one is applied before the 200, so a backend that gets no 200 sends it again (applying twice is a no-op).
 */
@RestController
class CaseWebhookController {

    private final CaseBackends backends;
    private final DossierLifecycle lifecycle;
    private final Clock clock;

    CaseWebhookController(CaseBackends backends, DossierLifecycle lifecycle, Clock clock) {
        this.backends = backends;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/cases/{province}")
    ResponseEntity<?> receive(@PathVariable String province, @RequestBody(required = false) byte[] body,
                              @RequestHeader(name = CallbackSignature.TIMESTAMP_HEADER, required = false) String timestamp,
                              @RequestHeader(name = CallbackSignature.SIGNATURE_HEADER, required = false) String signature) {
        CaseBackends.Backend backend = backends.of(province).orElse(null);
        String secret = backend == null ? null : DossiersSection.of(backend.province()).caseSystem().callbackSecret();
        if (backend == null || secret == null || secret.isBlank()) {
            return problem(HttpStatus.NOT_FOUND, "No case-handling system of province '" + province + "' calls back here.");
        }
        byte[] raw = body == null ? new byte[0] : body;
        var refusal = SignedCallbacks.refusal("the case system of " + province, secret, raw, timestamp, signature, clock,
                DossiersSection.of(backend.province()).caseSystem().callbackMaxAge());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        List<CaseStatus> statuses;
        try {
            statuses = backend.system().parseCallback(raw);
        } catch (CaseSystemException e) {
            return problem(HttpStatus.BAD_REQUEST, "The callback body cannot be read: " + e.getMessage());
        }
        Map<DossierLifecycle.Outcome, Integer> outcomes = new EnumMap<>(DossierLifecycle.Outcome.class);
        for (CaseStatus status : statuses) {
            outcomes.merge(lifecycle.apply(province, status, "callback"), 1, Integer::sum);
        }
        return ResponseEntity.ok(Map.of("received", statuses.size(), "outcomes", outcomes));
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String detail) {
        return SignedCallbacks.problem(status, detail);
    }
}
