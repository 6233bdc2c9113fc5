package vn.govhub.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The feedback flow ({@code govhub.feedback.*}); per-province rules are in the province files.
 *
 * @param batch           deliveries claimed per pass
 * @param lease           a claimed delivery not finished within this is taken up again (crash of its node)
 * @param boardLimit      most reports the public board answers at once
 */
@ConfigurationProperties("govhub.feedback")
public record FeedbackSettings(
        @DefaultValue("50") int batch,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("100") int boardLimit) {
}
