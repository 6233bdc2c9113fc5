package vn.govhub.connectors.cases;

/**
 * The outcome of a forward.
 *
 * @param alreadyPresent the backend already held the dossier (found by look-up or answered as a duplicate): the
 *                       forward updated it or was a no-op, it did not create a second one
 * @param status         what the backend reported right after the forward, if it reports anything (else null)
 */
public record Forwarded(String localCode, boolean alreadyPresent, CaseStatus status) {
}
