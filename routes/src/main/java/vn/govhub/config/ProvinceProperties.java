package vn.govhub.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * One province (tỉnh) served by the hub, bound from {@code config/provinces/<id>.yml}. Unknown keys are errors.
 *
 * @param id      kebab-case id, equal to the file name
 * @param name    display name, e.g. "Tây Ninh"
 * @param enabled a disabled province is loaded and validated but runs no route
 * @param zone    the province's time zone (Vietnam has one)
 * @param api     how the province's mini app reaches the hub
 * @param news    provincial portals to bring news in from
 * @param catalogue the national procedure database and which procedures the province serves
 * @param zalo      the province's Zalo app (mini app) and Official Account, and how citizens are notified
 * @param dossiers  online dossiers: what the hub accepts and the case-handling system it forwards them to
 * @param feedback  citizen feedback: categories, areas, agencies and the routing between them
 */
public record ProvinceProperties(
        @NotBlank @Pattern(regexp = ProvinceProperties.ID, message = "must be lower-case letters, digits and dashes") String id,
        @NotBlank String name,
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
        @Valid @NotNull @DefaultValue Api api,
        @Valid @NotNull @DefaultValue News news,
        @Valid @NotNull @DefaultValue Catalogue catalogue,
        @Valid @NotNull @DefaultValue Zalo zalo,
        @Valid @NotNull @DefaultValue Dossiers dossiers,
        @Valid @NotNull @DefaultValue FeedbackProperties feedback) {

    static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";

    /** @param corsOrigins origins allowed to call {@code /api/v1} from a browser (the mini app's web origin) */
    public record Api(@DefaultValue List<@HttpUrl String> corsOrigins) {
    }

    public record News(@Valid @DefaultValue List<NewsSource> sources) {
    }

    /**
     * One portal feed or list page.
     *
     * @param every    poll interval; give either this or {@code cron}
     * @param cron     Quartz cron expression (seconds first), in the province's zone
     * @param maxItems items taken from the top of each fetch
     * @param html     CSS selectors, required when {@code kind} is html
     */
    public record NewsSource(
            @NotBlank @Pattern(regexp = ProvinceProperties.ID, message = "must be lower-case letters, digits and dashes") String id,
            @NotNull SourceKind kind,
            @NotNull @HttpUrl String url,
            @DurationMin(millis = 100) Duration every,
            @Cron String cron,
            @NotBlank @Pattern(regexp = ProvinceProperties.ID, message = "must be lower-case letters, digits and dashes") String category,
            @DefaultValue("true") boolean enabled,
            @Min(1) @Max(500) @DefaultValue("50") int maxItems,
            @Valid HtmlSelectors html) {

        @AssertTrue(message = "give exactly one of 'every' and 'cron'")
        public boolean isSchedule() {
            return (every == null) != (cron == null || cron.isBlank());
        }

        @AssertTrue(message = "is required when kind is html")
        public boolean isHtmlSelectorsGiven() {
            return kind != SourceKind.HTML || html != null;
        }
    }

    public enum SourceKind { RSS, ATOM, HTML }

    /**
     * The province's procedure catalogue, synced from the national TTHC database.
     *
     * @param enabled        false: no sync, no search for this province
     * @param source         how to reach the national database's integration API
     * @param syncCron       Quartz cron of the scheduled sync, in the province's zone
     * @param agencies       implementing agency codes whose procedures the province serves (empty: all)
     * @param procedures     further procedure codes served whatever their agency
     * @param fullyOnline    codes offered fully online (DVC trực tuyến toàn trình)
     * @param partlyOnline   codes offered partly online (một phần); all others are information only
     * @param maxMalformed   procedures that cannot be mapped before a run is abandoned
     * @param formMaxBytes   largest form template the hub caches and serves
     * @param syncOnStartIfEmpty a node starting with an empty catalogue queues a sync at once (on the leader)
     */
    public record Catalogue(
            @DefaultValue("false") boolean enabled,
            @Valid TthcSource source,
            @Cron @DefaultValue("0 0 2 * * ?") String syncCron,
            @DefaultValue List<String> agencies,
            @DefaultValue List<@Pattern(regexp = "\\d+\\.\\d{4,}", message = "is not a national procedure code (1.001234)") String> procedures,
            @DefaultValue List<@Pattern(regexp = "\\d+\\.\\d{4,}", message = "is not a national procedure code (1.001234)") String> fullyOnline,
            @DefaultValue List<@Pattern(regexp = "\\d+\\.\\d{4,}", message = "is not a national procedure code (1.001234)") String> partlyOnline,
            @Min(0) @DefaultValue("20") int maxMalformed,
            @Min(1024) @DefaultValue("10485760") int formMaxBytes,
            @DefaultValue("true") boolean syncOnStartIfEmpty) {

        @AssertTrue(message = "is required when the catalogue is enabled")
        public boolean isSourceGiven() {
            return !enabled || source != null;
        }
    }

    /**
     * The national TTHC database integration API (vn-egov.md §1). Credentials belong in the environment:
     * {@code password: ${GOVHUB_TTHC_PASSWORD}}.
     */
    public record TthcSource(
            @NotNull @HttpUrl String baseUrl,
            @NotBlank @DefaultValue("/api/auth") String authPath,
            @NotBlank @DefaultValue("/api/integration") String integrationPath,
            @NotBlank String unitCode,
            @NotBlank String username,
            @NotNull String password,
            @NotNull @DefaultValue("10s") Duration connectTimeout,
            @NotNull @DefaultValue("60s") Duration readTimeout,
            @DefaultValue({"401", "403"}) List<Integer> sessionExpiredCodes) {

        @Override
        public String toString() {
            return "TthcSource[" + baseUrl + ", unit " + unitCode + "]";
        }
    }

    /** Where the parts of each item sit on an HTML list page. */
    public record HtmlSelectors(
            @NotBlank String item,
            @NotBlank String title,
            @NotBlank String link,
            String date,
            String summary,
            String image,
            String datePattern) {
    }

    /**
     * The province's Zalo app (its mini app signs users in with it) and the Official Account linked to it.
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
    public record Zalo(
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
            @NotNull @DefaultValue("APP_ID") vn.govhub.connectors.zalo.WebhookSignature.First signatureFirst,
            @NotNull @DefaultValue("OA_SECRET") vn.govhub.connectors.zalo.WebhookSignature.Last signatureLast,
            @NotNull @DefaultValue("7d") Duration interactionWindow,
            @NotNull @DefaultValue("1h") Duration refreshBefore,
            @NotNull @DefaultValue({"OA", "ZNS"}) List<Channel> channels,
            @Valid @NotNull @DefaultValue java.util.Map<String, ZnsTemplate> znsTemplates,
            @DefaultValue("true") boolean autoReply) {

        @AssertTrue(message = "app-id, app-secret, oa-id and oa-secret-key are required when zalo is enabled")
        public boolean isCredentialsGiven() {
            return !enabled || (notBlank(appId) && notBlank(appSecret) && notBlank(oaId) && notBlank(oaSecretKey));
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            return "Zalo[" + (enabled ? "app " + appId + ", oa " + oaId : "disabled") + "]";
        }
    }

    public enum Channel { OA, ZNS }

    /**
     * A ZNS template approved for the OA.
     *
     * @param templateId Zalo's template id
     * @param params     template parameter → the event field that fills it (e.g. {@code ma_ho_so: trackingCode})
     */
    public record ZnsTemplate(@NotBlank String templateId, @NotNull @DefaultValue java.util.Map<String, String> params) {
    }

    /**
     * Online dossiers (hồ sơ trực tuyến): accepted from the mini app for the catalogue's fully or partly online
     * procedures, then forwarded to the province's case-handling system.
     *
     * @param agencyCode       the receiving agency's id, the first part of tracking codes ({@code H56.14-240601-0001})
     * @param maxFileBytes     largest attachment
     * @param maxDossierBytes  largest total of one dossier's attachments
     * @param maxFiles         most attachments in one dossier
     * @param retention        how long attachments are kept after the dossier ends (returned, refused, withdrawn, stopped)
     * @param caseSystem       where dossiers go
     */
    public record Dossiers(
            @DefaultValue("false") boolean enabled,
            @Pattern(regexp = "[A-Za-z0-9.]{2,32}", message = "must be 2 to 32 letters, digits or dots (an agency id such as H56.14)") String agencyCode,
            @Min(1024) @DefaultValue("10485760") long maxFileBytes,
            @Min(1024) @DefaultValue("31457280") long maxDossierBytes,
            @Min(1) @Max(100) @DefaultValue("20") int maxFiles,
            @NotNull @DefaultValue("365d") Duration retention,
            @Valid CaseSystem caseSystem) {

        @AssertTrue(message = "agency-code and case-system are required when dossiers are enabled")
        public boolean isComplete() {
            return !enabled || (agencyCode != null && caseSystem != null);
        }
    }

    /**
     * A province's case-handling (một cửa) system, one of the three shapes of vn-egov.md §3. Credentials and the
     * callback secret belong in the environment ({@code ${GOVHUB_CASES_PASSWORD}}).
     *
     * @param shape          NATIONAL (service envelope with session), IGATE (OAuth2 REST), LGSP (document sync)
     * @param unitCode       NATIONAL: {@code dstcode}/{@code madonvi}; IGATE: the Keycloak realm; LGSP: the agency code
     * @param paths          path overrides by name (see the README)
     * @param rename         wire field renames applied to every outgoing dossier
     * @param constants      fixed wire fields added to every outgoing dossier
     * @param statusMap      the backend's status code → the hub's lifecycle status (FORWARDED, RECEIVED, IN_PROGRESS,
     *                       NEEDS_SUPPLEMENT, RESULT_READY, RETURNED, REFUSED, WITHDRAWN, STOPPED); unmapped codes are
     *                       recorded in the history without changing the status. NATIONAL defaults to the national
     *                       codes 1–10; IGATE and LGSP must give theirs
     * @param callbackSecret HMAC secret of the backend's callbacks to {@code /webhooks/cases/{province}}; none: no callbacks
     * @param callbackMaxAge oldest callback timestamp accepted (replays)
     * @param pollEvery      how often the hub asks the backend for open dossiers' status (leader only); null: never
     * @param maxAttempts    failed forwards (while the backend is otherwise reachable) before FORWARD_FAILED
     * @param retryBase      first retry delay; doubles with each failure up to {@code retryMax}
     * @param retryJitter    each retry delay drawn within ±this share of its step (0.2), so failures do not return together
     */
    public record CaseSystem(
            @NotNull vn.govhub.connectors.cases.CaseSystemSettings.Shape shape,
            @NotNull @HttpUrl String baseUrl,
            String unitCode,
            String username,
            String password,
            String clientId,
            String clientSecret,
            @NotNull @DefaultValue java.util.Map<String, String> paths,
            @NotNull @DefaultValue java.util.Map<String, String> rename,
            @NotNull @DefaultValue java.util.Map<String, String> constants,
            @NotNull @DefaultValue java.util.Map<String, String> statusMap,
            String callbackSecret,
            @NotNull @DefaultValue("5m") Duration callbackMaxAge,
            Duration pollEvery,
            @NotNull @DefaultValue("5s") Duration connectTimeout,
            @NotNull @DefaultValue("30s") Duration readTimeout,
            @Min(1) @Max(100) @DefaultValue("8") int maxAttempts,
            @NotNull @DefaultValue("2s") Duration retryBase,
            @NotNull @DefaultValue("5m") Duration retryMax,
            @jakarta.validation.constraints.DecimalMin("0.0") @jakarta.validation.constraints.DecimalMax(value = "1.0", inclusive = false)
            @DefaultValue("0.2") double retryJitter) {

        @AssertTrue(message = "maps to an unknown hub status (use FORWARDED, RECEIVED, IN_PROGRESS, NEEDS_SUPPLEMENT, RESULT_READY, RETURNED, REFUSED, WITHDRAWN, STOPPED)")
        public boolean isStatusMapValid() {
            return statusMap.values().stream().allMatch(v -> java.util.Set.of("FORWARDED", "RECEIVED", "IN_PROGRESS",
                    "NEEDS_SUPPLEMENT", "RESULT_READY", "RETURNED", "REFUSED", "WITHDRAWN", "STOPPED").contains(v));
        }

        @AssertTrue(message = "status-map is required for the IGATE and LGSP shapes (their status codes differ between deployments)")
        public boolean isStatusMapGiven() {
            return shape == null || shape == vn.govhub.connectors.cases.CaseSystemSettings.Shape.NATIONAL || !statusMap.isEmpty();
        }

        @AssertTrue(message = "NATIONAL needs username and password; IGATE and LGSP need client-id and client-secret")
        public boolean isCredentialsGiven() {
            if (shape == null) {
                return true;
            }
            return shape == vn.govhub.connectors.cases.CaseSystemSettings.Shape.NATIONAL
                    ? present(username) && present(password) : present(clientId) && present(clientSecret);
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }

        @AssertTrue(message = "unit-code is required for the NATIONAL and IGATE shapes")
        public boolean isUnitCodeGiven() {
            return shape == vn.govhub.connectors.cases.CaseSystemSettings.Shape.LGSP || (unitCode != null && !unitCode.isBlank());
        }

        public vn.govhub.connectors.cases.CaseSystemSettings settings() {
            return new vn.govhub.connectors.cases.CaseSystemSettings(shape, baseUrl, paths, unitCode, username, password,
                    clientId, clientSecret, connectTimeout, readTimeout,
                    new vn.govhub.connectors.cases.CaseSystemSettings.FieldMapping(rename, constants));
        }

        @Override
        public String toString() {
            return "CaseSystem[" + shape + " " + baseUrl + "]";
        }
    }
}
