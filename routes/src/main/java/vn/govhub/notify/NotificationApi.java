package vn.govhub.notify;

import org.springframework.stereotype.Component;
import vn.govhub.api.ApiException;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.zalo.ZaloIdentity;

import java.time.Instant;
import java.util.List;

/** {@code /api/v1/notifications}: what the hub sent the signed-in citizen, newest first. */
@Component("notificationApi")
public class NotificationApi {

    public record NotificationView(long id, String kind, String channel, String status, String text, String to,
                                   String createdAt, String sentAt, String deliveredAt) {
    }

    private final NotificationStore store;

    public NotificationApi(NotificationStore store) {
        this.store = store;
    }

    public List<NotificationView> mine(ZaloIdentity.Citizen citizen, String limitText) {
        int limit = 20;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100) {
                throw ApiException.invalid("limit", "must be between 1 and 100");
            }
        }
        return store.forRecipient(citizen.province(), citizen.appUserId(), limit).stream().map(NotificationApi::view).toList();
    }

    static NotificationView view(NotificationStore.Notification n) {
        String to = n.channel().equals("ZNS") ? PhoneNumbers.mask(n.address()) : n.channel().equals("OA") ? "Zalo OA" : null;
        return new NotificationView(n.id(), n.kind(), n.channel(), n.status(), n.text(), to, iso(n.createdAt()),
                iso(n.sentAt()), iso(n.deliveredAt()));
    }

    /** ISO-8601 text, as every date of the API. */
    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
