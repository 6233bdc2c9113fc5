package vn.govhub.zalo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
@ConfigurationProperties("govhub.zalo")
public record ZaloSettings(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("5m") Duration identityCacheTtl,
        @DefaultValue("X-Zalo-Access-Token") String identityHeader,
        @DefaultValue("200") int webhookBatch,
        @DefaultValue("30s") Duration refreshLockWait) {
}
