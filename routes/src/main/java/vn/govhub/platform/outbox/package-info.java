/**
 * The transactional outbox and the one delivery engine everything it drives goes through (dossier forwarding, feedback
 * delivery, notification planning and sending): claim with a lease, order per key, retry with exponential backoff and
 * jitter, a circuit breaker per upstream, dead letter and replay, metrics. The flows keep only their payload, their call
 * and what its outcome means for their own records.
 */
package vn.govhub.platform.outbox;
