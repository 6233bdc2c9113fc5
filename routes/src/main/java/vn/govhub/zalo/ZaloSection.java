package vn.govhub.zalo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.govhub.config.HttpUrl;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceSection;
import vn.govhub.config.SectionFacts;
import vn.govhub.connectors.zalo.WebhookSignature;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code zalo} section of a province file: the province's Zalo app (its mini app signs users in with it) and the
 * Official Account linked to it.
 * Secrets belong in the environment: {@code app-secret: ${ZALO_TAYNINH_APP_SECRET}}.
 *
 * @param appId              the Zalo app id
 * @param appSecret          the app secret (OAuth {@code secret_key}, Graph {@code /me/info})
 * @param oaId               the Official Account id
 * @param oaSecretKey        the OA's secret key, which signs webhooks
 * @param redirectUri        where Zalo sends the OA admin back after consent (the hub's admin callback)
 * @param ratePerMinute      cluster-wide ceiling of calls to Zalo for this OA; Zalo allows 4,000 per app, so keep
 *                           it below that (higher values are for the sandbox and benchmarks)
 * @param webhookMaxAge      webhooks whose body timestamp is older than this are refused (replays)
 * @param signatureFirst     first term of the webhook signature: APP_ID (default) or OA_ID
 * @param signatureLast      last term: OA_SECRET (default) or APP_SECRET
 * @param interactionWindow  how long after a citizen's last interaction the OA may message them
 * @param refreshBefore      the access token is refreshed this long before it expires
 * @param channels           the channel policy, in order: OA (message by user id), ZNS (template by phone)
 * @param znsTemplates       per notification kind: the approved ZNS template id and its parameters
 * @param autoReply          answer a tracking code sent to the OA with the dossier's status
 */
public record ZaloSection(
        @DefaultValue("false") boolean enabled,
        String appId,
        String appSecret,
        String oaId,
        String oaSecretKey,
        @NotNull @HttpUrl @DefaultValue("https://oauth.zaloapp.com") String oauthBaseUrl,
        @NotNull @HttpUrl @DefaultValue("https://openapi.zalo.me") String openApiBaseUrl,
        @NotNull @HttpUrl @DefaultValue("https://business.openapi.zalo.me") String businessBaseUrl,
        @NotNull @HttpUrl @DefaultValue("https://graph.zalo.me") String graphBaseUrl,
        @HttpUrl String redirectUri,
        @Min(1) @Max(1_000_000) @DefaultValue("1200") int ratePerMinute,
        @NotNull @DefaultValue("5m") Duration webhookMaxAge,
        @NotNull @DefaultValue("APP_ID") WebhookSignature.First signatureFirst,
        @NotNull @DefaultValue("OA_SECRET") WebhookSignature.Last signatureLast,
        @NotNull @DefaultValue("7d") Duration interactionWindow,
        @NotNull @DefaultValue("1h") Duration refreshBefore,
        @NotNull @DefaultValue({"OA", "ZNS"}) List<Channel> channels,
        @Valid @NotNull @DefaultValue Map<String, ZnsTemplate> znsTemplates,
        @DefaultValue("true") boolean autoReply) implements SectionFacts {

    @AssertTrue(message = "app-id, app-secret, oa-id and oa-secret-key are required when zalo is enabled")
    public boolean isCredentialsGiven() {
        return !enabled || (notBlank(appId) && notBlank(appSecret) && notBlank(oaId) && notBlank(oaSecretKey));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "ZaloSection[" + (enabled ? "app " + appId + ", oa " + oaId : "disabled") + "]";
    }

    public static final ProvinceSection<ZaloSection> SECTION = new ProvinceSection<>("zalo", ZaloSection.class);

    /** The province's {@code zalo} section. */
    public static ZaloSection of(ProvinceProperties province) {
        return province.section(SECTION);
    }

    @Override
    public List<Secret> secrets() {
        return enabled ? List.of(new Secret("zalo.app-secret", appSecret, true), new Secret("zalo.oa-secret-key", oaSecretKey, true))
                : List.of();
    }

    public enum Channel { OA, ZNS }

    /**
     * A ZNS template approved for the OA.
     *
     * @param templateId Zalo's template id
     * @param params     template parameter → the event field that fills it (e.g. {@code ma_ho_so: trackingCode})
     */
    public record ZnsTemplate(@NotBlank String templateId, @NotNull @DefaultValue Map<String, String> params) {
    }
}
