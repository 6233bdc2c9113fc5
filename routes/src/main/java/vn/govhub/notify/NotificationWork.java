package vn.govhub.notify;

import vn.govhub.platform.outbox.DeliveryStore;
import vn.govhub.platform.outbox.Failure;
import vn.govhub.platform.outbox.Work;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Notifications as the delivery engine's work: claimed PENDING → SENDING (committed before anything is sent, so a
 * notification is sent at most once), sent with Zalo's message id, retried PENDING, failed FAILED; one found still
 * SENDING after its lease is settled FAILED, never resent.
 */
final class NotificationWork implements DeliveryStore<NotificationStore.Notification> {

    private final NotificationStore store;
    private final String node = UUID.randomUUID().toString();

    NotificationWork(NotificationStore store) {
        this.store = store;
    }

    @Override
    public List<Work<NotificationStore.Notification>> due(int limit) {
        return store.due(limit).stream().map(n -> new Work<>(n.id(), n.recipient(), n.attempts(), n.attempts(), n)).toList();
    }

    @Override
    public boolean claim(Work<NotificationStore.Notification> work, Duration lease) {
        return store.claim(work.id(), node);
    }

    @Override
    public void done(Work<NotificationStore.Notification> work) {
        // sent: the handler records it with Zalo's message id
    }

    @Override
    public void retryAt(Work<NotificationStore.Notification> work, Instant at, Failure why) {
        store.retryAt(work.id(), at, why.code(), why.message());
    }

    @Override
    public void dead(Work<NotificationStore.Notification> work, Failure why) {
        store.failed(work.id(), why.code(), why.message());
    }

    @Override
    public int settleInterrupted(Instant claimedBefore) {
        return store.settleInterrupted(claimedBefore);
    }
}
