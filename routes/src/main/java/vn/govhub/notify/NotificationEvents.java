package vn.govhub.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import vn.govhub.platform.outbox.Outbox;

/**
 * Where flows publish what citizens must be told. Call it inside the transaction that makes the change: the event
 * is stored in the outbox with it, or not at all. Publishing the same event id twice stores it once.
 */
@Service
public class NotificationEvents {

    static final String TOPIC = "notification-event";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Outbox outbox;

    public NotificationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return false if this event (id and recipient) was published before */
    public boolean publish(NotificationEvent event) {
        try {
            return outbox.add(TOPIC, event.province() + "/" + event.recipient(), event.eventId() + "|" + event.recipient(),
                    JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON", e);
        }
    }

    static NotificationEvent read(String payload) {
        try {
            return JSON.readValue(payload, NotificationEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload is not a notification event", e);
        }
    }
}
