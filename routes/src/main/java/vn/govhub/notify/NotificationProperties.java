package vn.govhub.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The notification flow ({@code govhub.notify.*}).
 *
 * @param batch         notifications claimed per pass
 * @param senders       parallel sends per node
 * @param maxAttempts   transient failures before a notification is FAILED
 * @param backoffBase   first retry delay, doubled each attempt up to backoffMax
 * @param backoffMax    longest retry delay
 * @param backoffJitter each retry delay drawn within ±this share of its step
 * @param sendingLease  a notification still SENDING after this is taken as interrupted by a crash: it is not sent
 *                      again automatically (that could send it twice) but marked FAILED for an admin to replay
 */
@ConfigurationProperties("govhub.notify")
public record NotificationSettings(
        @DefaultValue("200") int batch,
        @DefaultValue("8") int senders,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("5s") Duration backoffBase,
        @DefaultValue("10m") Duration backoffMax,
        @DefaultValue("0.2") double backoffJitter,
        @DefaultValue("2m") Duration sendingLease) {
}
