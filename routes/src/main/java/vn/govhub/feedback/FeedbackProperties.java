package vn.govhub.feedback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The feedback flow ({@code govhub.feedback.*}); per-province rules are in the province files.
 *
 * @param batch           deliveries claimed per pass
 * @param lease           a claimed delivery not finished within this is taken up again (crash of its node)
 * @param boardLimit      most reports the public board answers at once
 */
@Validated
@ConfigurationProperties("govhub.feedback")
public record FeedbackProperties(
        @Min(1) @Max(10000) @DefaultValue("50") int batch,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("2m") Duration lease,
        @Min(1) @Max(1000) @DefaultValue("100") int boardLimit) {
}
