package vn.govhub.connectors;



/**
 * The one classification of a failed call to an upstream, shared by the five connector families (national TTHC
 * database, case-handling systems, agency feedback systems, provincial portals, Zalo): a {@link Transient} failure may
 * pass if the same call is made later (network, timeout, throttling, 5xx, an expired token); a {@link Permanent} one
 * will not (the upstream refused the request, or answered something that cannot be read). Each family's exceptions
 * implement one of the two, so a caller can decide on retry without knowing the family:
 * {@code e instanceof UpstreamFailure.Transient} is worth another attempt later, {@code e instanceof
 * UpstreamFailure.Permanent} is not, and anything else is not an upstream's failure but the hub's.
 */
public sealed interface UpstreamFailure permits UpstreamFailure.Transient, UpstreamFailure.Permanent {

    /** The upstream family: {@code tthc}, {@code cases}, {@code agency}, {@code portal} or {@code zalo}. */
    String upstream();

    /** What went wrong, without the payload. */
    String getMessage();

    /** Whether the same call may succeed later. */
    default boolean retryable() {
        return this instanceof Transient;
    }

    /** May pass if the same call is made later. */
    non-sealed interface Transient extends UpstreamFailure {
    }

    /** Will not pass by retrying. */
    non-sealed interface Permanent extends UpstreamFailure {
    }
}
