package vn.govhub.dossier;

import java.util.Map;

/**
 * The hub's dossier lifecycle (ARCHITECTURE.md): {@code SUBMITTED → FORWARDED → RECEIVED → IN_PROGRESS ⇄
 * NEEDS_SUPPLEMENT → RESULT_READY → RETURNED}, with the exits REFUSED, WITHDRAWN, STOPPED and the dead letter
 * FORWARD_FAILED. Each backend's codes map onto these by configuration ({@link StatusMapping}).
 */
public enum DossierStatus {
    SUBMITTED("đã gửi, đang chuyển đến cơ quan giải quyết", null),
    FORWARDED("đã chuyển đến cơ quan giải quyết", null),
    RECEIVED("đã được tiếp nhận", "dossier-received"),
    IN_PROGRESS("đang được giải quyết", "dossier-status-changed"),
    NEEDS_SUPPLEMENT("cần bổ sung giấy tờ", "supplement-requested"),
    RESULT_READY("đã có kết quả", "result-ready"),
    RETURNED("đã trả kết quả", "dossier-status-changed"),
    REFUSED("bị từ chối tiếp nhận", "dossier-status-changed"),
    WITHDRAWN("đã rút hồ sơ", "dossier-status-changed"),
    STOPPED("đã dừng xử lý", "dossier-status-changed"),
    FORWARD_FAILED("đang chờ chuyển lại đến cơ quan giải quyết", null);

    private final String label;
    private final String notificationKind;

    DossierStatus(String label, String notificationKind) {
        this.label = label;
        this.notificationKind = notificationKind;
    }

    /** Vietnamese wording for the citizen ("Hồ sơ ... {label}"). */
    public String label() {
        return label;
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
