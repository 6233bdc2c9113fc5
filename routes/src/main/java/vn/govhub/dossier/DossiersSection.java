package vn.govhub.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.govhub.config.HttpUrl;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceSection;
import vn.govhub.config.SectionFacts;
import vn.govhub.connectors.cases.CaseSystemSettings;
import vn.govhub.platform.outbox.RetriedUpstream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code dossiers} section of a province file: online dossiers (hồ sơ trực tuyến), accepted from the mini app for
 * the catalogue's fully or partly online procedures, then forwarded to the province's case-handling system.
 *
 * @param agencyCode       the receiving agency's id, the first part of tracking codes ({@code H56.14-240601-0001})
 * @param maxFileBytes     largest attachment
 * @param maxDossierBytes  largest total of one dossier's attachments
 * @param maxFiles         most attachments in one dossier
 * @param retention        how long attachments are kept after the dossier ends (returned, refused, withdrawn, stopped)
 * @param caseSystem       where dossiers go
 */
public record DossiersSection(
        @DefaultValue("false") boolean enabled,
        @Pattern(regexp = "[A-Za-z0-9.]{2,32}", message = "must be 2 to 32 letters, digits or dots (an agency id such as H56.14)") String agencyCode,
        @Min(1024) @DefaultValue("10485760") long maxFileBytes,
        @Min(1024) @DefaultValue("31457280") long maxDossierBytes,
        @Min(1) @Max(100) @DefaultValue("20") int maxFiles,
        @NotNull @DefaultValue("365d") Duration retention,
        @Valid CaseSystem caseSystem) implements SectionFacts {

    @AssertTrue(message = "agency-code and case-system are required when dossiers are enabled")
    public boolean isComplete() {
        return !enabled || (agencyCode != null && caseSystem != null);
    }

    public static final ProvinceSection<DossiersSection> SECTION = new ProvinceSection<>("dossiers", DossiersSection.class);

    /** The province's {@code dossiers} section. */
    public static DossiersSection of(ProvinceProperties province) {
        return province.section(SECTION);
    }

    @Override
    public List<Secret> secrets() {
        return enabled && caseSystem != null ? List.of(
                new Secret("dossiers.case-system.callback-secret", caseSystem.callbackSecret(), false),
                new Secret("dossiers.case-system.password", caseSystem.password(), false)) : List.of();
    }

    /** The case system downloads attachments by signed links. */
    @Override
    public boolean sendsFileLinks() {
        return enabled;
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
     * @param breakerFailures consecutive failures that open the backend's circuit (per node)
     * @param breakerOpen    how long an open circuit stays open before one probe is let through
     */
    public record CaseSystem(
            @NotNull CaseSystemSettings.Shape shape,
            @NotNull @HttpUrl String baseUrl,
            String unitCode,
            String username,
            String password,
            String clientId,
            String clientSecret,
            @NotNull @DefaultValue Map<String, String> paths,
            @NotNull @DefaultValue Map<String, String> rename,
            @NotNull @DefaultValue Map<String, String> constants,
            @NotNull @DefaultValue Map<String, String> statusMap,
            String callbackSecret,
            @NotNull @DefaultValue("5m") Duration callbackMaxAge,
            Duration pollEvery,
            @NotNull @DefaultValue("5s") Duration connectTimeout,
            @NotNull @DefaultValue("30s") Duration readTimeout,
            @Min(1) @Max(100) @DefaultValue("8") int maxAttempts,
            @NotNull @DefaultValue("2s") Duration retryBase,
            @NotNull @DefaultValue("5m") Duration retryMax,
            @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false)
            @DefaultValue("0.2") double retryJitter,
            @Min(1) @Max(1000) @DefaultValue("5") int breakerFailures,
            @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration breakerOpen) implements RetriedUpstream {

        @AssertTrue(message = "maps to an unknown hub status (use FORWARDED, RECEIVED, IN_PROGRESS, NEEDS_SUPPLEMENT, RESULT_READY, RETURNED, REFUSED, WITHDRAWN, STOPPED)")
        public boolean isStatusMapValid() {
            return statusMap.values().stream().allMatch(v -> Set.of("FORWARDED", "RECEIVED", "IN_PROGRESS",
                    "NEEDS_SUPPLEMENT", "RESULT_READY", "RETURNED", "REFUSED", "WITHDRAWN", "STOPPED").contains(v));
        }

        @AssertTrue(message = "status-map is required for the IGATE and LGSP shapes (their status codes differ between deployments)")
        public boolean isStatusMapGiven() {
            return shape == null || shape == CaseSystemSettings.Shape.NATIONAL || !statusMap.isEmpty();
        }

        @AssertTrue(message = "NATIONAL needs username and password; IGATE and LGSP need client-id and client-secret")
        public boolean isCredentialsGiven() {
            if (shape == null) {
                return true;
            }
            return shape == CaseSystemSettings.Shape.NATIONAL
                    ? present(username) && present(password) : present(clientId) && present(clientSecret);
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }

        @AssertTrue(message = "unit-code is required for the NATIONAL and IGATE shapes")
        public boolean isUnitCodeGiven() {
            return shape == CaseSystemSettings.Shape.LGSP || (unitCode != null && !unitCode.isBlank());
        }

        public CaseSystemSettings settings() {
            return new CaseSystemSettings(shape, baseUrl, paths, unitCode, username, password,
                    clientId, clientSecret, connectTimeout, readTimeout,
                    new CaseSystemSettings.FieldMapping(rename, constants));
        }

        @Override
        public String toString() {
            return "CaseSystem[" + shape + " " + baseUrl + "]";
        }
    }
}
