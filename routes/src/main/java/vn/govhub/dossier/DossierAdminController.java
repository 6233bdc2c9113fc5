package vn.govhub.dossier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.api.Texts;
import vn.govhub.platform.outbox.Outbox;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Operators: dossiers by status (applicants masked), replay of FORWARD_FAILED dossiers one by one or in bulk,
 * a status poll on demand, and the circuit state of each backend.
 */
@RestController
@RequestMapping("/admin/dossiers")
class DossierAdminController {

    private final DossierReads reads;
    private final DossierStore store;
    private final Outbox outbox;
    private final DossierPoller poller;
    private final CaseBackends backends;
    private final TransactionTemplate transactions;
    private final Texts texts;
    private final Clock clock;

    DossierAdminController(DossierReads reads, DossierStore store, Outbox outbox, DossierPoller poller, CaseBackends backends,
                           TransactionTemplate transactions, Texts texts, Clock clock) {
        this.reads = reads;
        this.store = store;
        this.outbox = outbox;
        this.poller = poller;
        this.backends = backends;
        this.transactions = transactions;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping
    ResponseEntity<?> list(@RequestParam(required = false) String province, @RequestParam(defaultValue = "FORWARD_FAILED") String status,
                           @RequestParam(defaultValue = "100") int limit) {
        DossierStatus wanted;
        try {
            wanted = DossierStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "status must be one of "
                    + java.util.Arrays.toString(DossierStatus.values()));
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.ok(reads.byStatus(province, wanted, Math.max(1, Math.min(limit, 1000))));
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<?> replay(@PathVariable String id) {
        if (replayOne(id)) {
            return ResponseEntity.accepted().body(Map.of("id", id, "status", DossierStatus.SUBMITTED.name()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Dossier " + id + " has nothing dead-lettered to replay (only FORWARD_FAILED dossiers and failed supplements).");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @PostMapping("/replay")
    ResponseEntity<?> replayAll(@RequestParam(required = false) String province) {
        int replayed = 0;
        for (DossierViews.AdminRow row : reads.byStatus(province, DossierStatus.FORWARD_FAILED, 100_000)) {
            if (replayOne(row.id())) {
                replayed++;
            }
        }
        return ResponseEntity.accepted().body(Map.of("replayed", replayed));
    }

    @PostMapping("/poll")
    ResponseEntity<?> poll(@RequestParam String province) {
        return ResponseEntity.ok(Map.of("changed", poller.poll(province)));
    }

    @GetMapping("/backends")
    ResponseEntity<?> backends() {
        return ResponseEntity.ok(backends.states());
    }

    private boolean replayOne(String id) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            DossierStore.Dossier dossier = store.lock(id).orElse(null);
            if (dossier == null) {
                return false;
            }
            int revived = outbox.revive(DossierService.TOPIC, id);
            if (revived == 0) {
                return false;
            }
            DossierStatus back = dossier.status() == DossierStatus.FORWARD_FAILED ? DossierStatus.SUBMITTED : dossier.status();
            store.resetFailures(id, back, clock.instant());
            store.history(id, back, null, texts.get("dossier.replayed"), clock.instant());
            return true;
        }));
    }
}
