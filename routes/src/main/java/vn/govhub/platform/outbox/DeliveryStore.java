package vn.govhub.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where one flow's work waits: the outbox table for most flows, the notification table for notifications. */
public interface DeliveryStore<P> {

    /** Due work, oldest first. */
    List<Work<P>> due(int limit);

    /** Takes the work for {@code lease}: true for exactly one of the nodes racing for it. */
    boolean claim(Work<P> work, Duration lease);

    /** Whether earlier work of the same key is still to be done (ordered flows only). */
    default boolean hasEarlierPending(Work<P> work) {
        return false;
    }

    /** Done (joins the caller's transaction). */
    void done(Work<P> work);

    /** Due again at {@code at}, with the reason it is not done yet. */
    void retryAt(Work<P> work, Instant at, Failure why);

    /** Dead letter (joins the caller's transaction): it waits for an admin's replay. */
    void dead(Work<P> work, Failure why);

    /** At-most-once flows: work claimed before {@code claimedBefore} whose outcome is unknown is settled, not redone. */
    default int settleInterrupted(Instant claimedBefore) {
        return 0;
    }
}
