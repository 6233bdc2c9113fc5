package vn.govhub.feedback;

/**
 * The public state of a report, the small set citizens and Open311 clients see. The provincial PAKN systems use ten
 * states (vn-egov.md §4); {@link #ofPakn} maps them onto these.
 */
public enum FeedbackStatus {
    RECEIVED, IN_PROGRESS, ANSWERED, CLOSED, REJECTED;

    /**
     * PAKN 1 created, 2 waiting reception, 4 received → RECEIVED; 5 waiting resolution, 7 resolving, 8 waiting
     * approval, 9 approval refused (back to resolving) → IN_PROGRESS; 3 reception refused, 6 resolution refused →
     * REJECTED; 10 resolved → ANSWERED.
     */
    public static FeedbackStatus ofPakn(int state) {
        return switch (state) {
            case 1, 2, 4 -> RECEIVED;
            case 5, 7, 8, 9 -> IN_PROGRESS;
            case 3, 6 -> REJECTED;
            case 10 -> ANSWERED;
            default -> throw new IllegalArgumentException("not a PAKN state: " + state);
        };
    }

    /** Open311's two states. */
    public String open311() {
        return this == RECEIVED || this == IN_PROGRESS ? "open" : "closed";
    }

    public boolean ended() {
        return this == ANSWERED || this == CLOSED || this == REJECTED;
    }
}
