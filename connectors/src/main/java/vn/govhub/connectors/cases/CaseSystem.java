package vn.govhub.connectors.cases;

import java.util.List;
import java.util.Optional;

/**
 * A province's case-handling (một cửa) system, whatever its wire shape (reference: vn-egov.md §3). Implementations
 * are thread-safe, hold their session or token and renew it when it expires, and throw only
 * {@link CaseSystemException}.
 */
public interface CaseSystem {

    /**
     * Delivers the dossier so that the backend holds it exactly once: where the backend allows a look-up the
     * adapter first looks the dossier code up and updates instead of creating; it always sends the dossier id as
     * the idempotency key the backend dedupes on. Safe to call again after a crash.
     */
    Forwarded forward(CaseDossier dossier);

    /** Sends a supplement for a dossier already forwarded (same delivery rules as {@link #forward}). */
    void supplement(CaseDossier dossier, CaseDossier.Supplement supplement);

    /** The backend's current view of a dossier, or empty if it does not hold it. */
    Optional<CaseStatus> lookup(String code);

    /** Whether the citizen may ask this backend to withdraw a dossier. */
    boolean supportsWithdrawal();

    /** Asks the backend to withdraw the dossier; {@link CaseSystemException.Permanent} if it refuses. */
    void withdraw(String code, String reason);

    /**
     * Reads a status callback body this backend sent to {@code /webhooks/cases/{province}} (its signature already
     * verified by {@link CallbackSignature}); {@link CaseSystemException.Permanent} if it cannot be read.
     */
    List<CaseStatus> parseCallback(byte[] body);
}
