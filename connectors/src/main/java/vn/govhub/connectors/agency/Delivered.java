package vn.govhub.connectors.agency;

/**
 * The outcome of a delivery.
 *
 * @param ticketId       the agency's own id for the feedback; may be null only when {@code alreadyPresent} and the
 *                       agency's 409 answer did not repeat it
 * @param alreadyPresent the agency already held this feedback (409 on its idempotency key): nothing new was created
 */
public record Delivered(String ticketId, boolean alreadyPresent) {
}
