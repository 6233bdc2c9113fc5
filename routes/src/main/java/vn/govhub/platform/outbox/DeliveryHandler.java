package vn.govhub.platform.outbox;

/**
 * A flow's part of a delivery: where the work goes, the call itself, and what its outcomes mean for the flow's own
 * records. The engine does the rest (claims, order, breaker, retries, dead letters, transactions, metrics).
 *
 * @param <P> what the work carries
 * @param <T> where it goes (a case system, an agency system, a Zalo account)
 * @param <R> what a successful call answers
 */
public interface DeliveryHandler<P, T, R> {

    /** Decided before the work is claimed: call a target, wait, settle without a call, or dead-letter. */
    Route<T> route(Work<P> work);

    /** The call, outside any transaction. */
    R call(Work<P> work, T target) throws Exception;

    /** What a failed call means. */
    Failure classify(Exception failure);

    /** After a successful call, in the transaction that marks the work done. */
    void delivered(Work<P> work, T target, R result);

    /** After that transaction committed. */
    default void afterDelivered(Work<P> work, T target, R result) {
    }

    /** The retries this target gets. */
    RetryPolicy retryPolicy(T target);

    /** Counts one failure against the work's budget and says how many it has had; by default, its claims. */
    default int countFailure(Work<P> work, T target, Failure failure) {
        return work.claims();
    }

    /** The target's circuit opened with this work under way: it waits, unspent; the flow may note why. */
    default void waiting(Work<P> work, T target, Failure failure) {
    }

    /** In the transaction that dead-letters the work ({@code target} is null when no call was made). */
    default void deadLettered(Work<P> work, T target, Failure why) {
    }

    /** After that transaction committed (e.g. try the next channel). */
    default void afterDeadLettered(Work<P> work, T target, Failure why) {
    }

    /** Metric tags of this work's outcomes, beside {@code outcome} (pairs: name, value). */
    String[] tags(Work<P> work, T target);
}
