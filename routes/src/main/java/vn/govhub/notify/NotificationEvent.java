package vn.govhub.notify;

import java.util.Map;
import java.util.Objects;

/**
 * A domain event that a citizen is told about (dossier received, supplement requested, result ready, feedback
 * answered, ...).
 *
 * @param eventId   unique per event: with the recipient and channel it makes the notification's dedupe key
 * @param province  the province whose OA speaks
 * @param kind      template key in {@code config/notifications.yml}, e.g. {@code dossier-received}
 * @param recipient the citizen's mini app user id (app scoped)
 * @param phone     a phone number the citizen gave with consent for this matter, or null
 * @param fields    values the templates use, e.g. {@code trackingCode}, {@code procedureName}
 */
public record NotificationEvent(String eventId, String province, String kind, String recipient, String phone,
                                Map<String, String> fields) {

    public NotificationEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        if (eventId.length() > 128) {
            throw new IllegalArgumentException("eventId longer than 128 characters");
        }
    }
}
