package vn.govhub.dossier;

import java.util.Map;

/**
 * The hub's dossier lifecycle (ARCHITECTURE.md): {@code SUBMITTED → FORWARDED → RECEIVED → IN_PROGRESS ⇄
 * NEEDS_SUPPLEMENT → RESULT_READY → RETURNED}, with the exits REFUSED, WITHDRAWN, STOPPED and the dead letter
 * FORWARD_FAILED. Each backend's codes map onto these by configuration ({@link StatusMapping}).
 */
public enum DossierStatus {
    SUBMITTED(null),
    FORWARDED(null),
    RECEIVED("dossier-received"),
    IN_PROGRESS("dossier-status-changed"),
    NEEDS_SUPPLEMENT("supplement-requested"),
    RESULT_READY("result-ready"),
    RETURNED("dossier-status-changed"),
    REFUSED("dossier-status-changed"),
    WITHDRAWN("dossier-status-changed"),
    STOPPED("dossier-status-changed"),
    FORWARD_FAILED(null);

    private final String notificationKind;

    DossierStatus(String notificationKind) {
        this.notificationKind = notificationKind;
    }

    /** The key of the citizen's wording of the status in {@code texts.properties} ("Hồ sơ ... đã được tiếp nhận"). */
    public String textKey() {
        return "dossier.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The notification kind ({@code config/notifications.yml}) the citizen gets on entering it; null: none. */
    public String notificationKind() {
        return notificationKind;
    }

    /** The dossier's life is over: nothing more will come from the backend. */
    public boolean ended() {
        return this == RETURNED || this == REFUSED || this == WITHDRAWN || this == STOPPED;
    }

    /** The backend holds the dossier and it is not over: its status is worth polling. */
    public boolean open() {
        return this == FORWARDED || this == RECEIVED || this == IN_PROGRESS || this == NEEDS_SUPPLEMENT || this == RESULT_READY;
    }

    /** National status codes (vn-egov.md §2), the default mapping of the NATIONAL shape. */
    static final Map<String, String> NATIONAL_CODES = Map.of(
            "1", "FORWARDED", "2", "RECEIVED", "3", "REFUSED", "4", "IN_PROGRESS", "5", "NEEDS_SUPPLEMENT",
            "6", "IN_PROGRESS", "7", "WITHDRAWN", "8", "STOPPED", "9", "RESULT_READY", "10", "RETURNED");
}
