package vn.govhub.notify;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("govhub.notify")
public record NotificationProperties(
        @Min(1) @Max(10000) @DefaultValue("200") int batch,
        @Min(1) @Max(256) @DefaultValue("8") int senders,
        @Min(1) @Max(100) @DefaultValue("8") int maxAttempts,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration backoffBase,
        @NotNull @DefaultValue("10m") Duration backoffMax,
        @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false) @DefaultValue("0.2") double backoffJitter,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("2m") Duration sendingLease) {
}
