package vn.govhub.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.govhub.config.Cron;
import vn.govhub.config.HttpUrl;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceSection;
import vn.govhub.config.SectionFacts;

import java.time.Duration;
import java.util.List;

/**
 * The {@code catalogue} section of a province file: the procedure catalogue, synced from the national TTHC database.
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
public record CatalogueSection(
        @DefaultValue("false") boolean enabled,
        @Valid TthcSource source,
        @Cron @DefaultValue("0 0 2 * * ?") String syncCron,
        @DefaultValue List<String> agencies,
        @DefaultValue List<@Pattern(regexp = "\\d+\\.\\d{4,}", message = "is not a national procedure code (1.001234)") String> procedures,
        @DefaultValue List<@Pattern(regexp = "\\d+\\.\\d{4,}", message = "is not a national procedure code (1.001234)") String> fullyOnline,
        @DefaultValue List<@Pattern(regexp = "\\d+\\.\\d{4,}", message = "is not a national procedure code (1.001234)") String> partlyOnline,
        @Min(0) @DefaultValue("20") int maxMalformed,
        @Min(1024) @DefaultValue("10485760") int formMaxBytes,
        @DefaultValue("true") boolean syncOnStartIfEmpty) implements SectionFacts {

    @AssertTrue(message = "is required when the catalogue is enabled")
    public boolean isSourceGiven() {
        return !enabled || source != null;
    }

    public static final ProvinceSection<CatalogueSection> SECTION = new ProvinceSection<>("catalogue", CatalogueSection.class);

    /** The province's {@code catalogue} section. */
    public static CatalogueSection of(ProvinceProperties province) {
        return province.section(SECTION);
    }

    @Override
    public List<String> fetchedUrls() {
        return source == null ? List.of() : List.of(source.baseUrl());
    }

    @Override
    public List<Secret> secrets() {
        return enabled && source != null ? List.of(new Secret("catalogue.source.password", source.password(), false)) : List.of();
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
}
