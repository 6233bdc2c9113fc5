package vn.govhub.zalo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Hub-wide Zalo settings ({@code govhub.zalo.*}); per-province ones are in the province files.
 *
 * @param connectTimeout     connect timeout of every Zalo call
 * @param readTimeout        answer timeout of every Zalo call
 * @param identityCacheTtl   how long a verified mini app token is trusted before Graph is asked again
 * @param identityHeader     request header carrying the mini app user's Zalo access token
 * @param webhookBatch       webhooks processed per tick
 * @param refreshLockWait    how long a node waits for another node's refresh of the same OA
 */
@Validated
@ConfigurationProperties("govhub.zalo")
public record ZaloProperties(
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("15s") Duration readTimeout,
        @NotNull @DefaultValue("5m") Duration identityCacheTtl,
        @NotBlank @DefaultValue("X-Zalo-Access-Token") String identityHeader,
        @Min(1) @Max(10000) @DefaultValue("200") int webhookBatch,
        @NotNull @DefaultValue("30s") Duration refreshLockWait) {
}
