package vn.govhub.connectors.agency;

import java.time.Instant;
import java.util.Objects;

/**
 * What an agency says about one feedback in a callback, in its own terms: {@code state} is the provincial PAKN state
 * code (vn-egov.md §4); mapping it onto the hub's public states is the feedback flow's job.
 *
 * @param ticketId   the agency's ticket id, if it sent one
 * @param note       the answer text (state {@value #RESOLVED}), the reason (refusals, transfer) or a progress note
 * @param handler    the official or department handling it, if given
 * @param at         when it happened at the agency, null if not given
 * @param transferTo the agency it was transferred to (an agency id of the hub's configuration), else null
 */
public record AgencyUpdate(String feedbackId, String ticketId, int state, String note, String handler, Instant at,
                           String transferTo) {

    public static final int CREATED = 1;
    public static final int WAITING_RECEPTION = 2;
    public static final int RECEPTION_REFUSED = 3;
    public static final int RECEIVED = 4;
    public static final int WAITING_RESOLUTION = 5;
    public static final int RESOLUTION_REFUSED = 6;
    public static final int RESOLVING = 7;
    public static final int WAITING_APPROVAL = 8;
    public static final int APPROVAL_REFUSED = 9;
    public static final int RESOLVED = 10;

    public AgencyUpdate {
        Objects.requireNonNull(feedbackId, "feedbackId");
        if (state < CREATED || state > RESOLVED) {
            throw new IllegalArgumentException("not a PAKN state (1..10): " + state);
        }
    }

    @Override
    public String toString() { // the note may quote the citizen
        return "AgencyUpdate[" + feedbackId + " ticket " + ticketId + ", state " + state
                + (transferTo == null ? "" : " → " + transferTo) + "]";
    }
}
