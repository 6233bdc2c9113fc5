package vn.govhub.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One province (tỉnh) served by the hub, bound from {@code config/provinces/<id>.yml}: the few keys every province has,
 * and one section per flow ({@code news}, {@code catalogue}, {@code zalo}, {@code dossiers}, {@code feedback}), each
 * of a type its flow owns (see {@link ProvinceSection}). Unknown keys are errors.
 *
 * @param id       kebab-case id, equal to the file name
 * @param name     display name, e.g. "Tây Ninh"
 * @param enabled  a disabled province is loaded and validated but runs no route
 * @param zone     the province's time zone (Vietnam has one)
 * @param api      how the province's mini app reaches the hub
 * @param sections the flows' sections by key, each bound and validated (defaults where the file is silent)
 */
public record ProvinceProperties(
        @NotBlank @Pattern(regexp = ProvinceProperties.ID, message = "must be lower-case letters, digits and dashes") String id,
        @NotBlank String name,
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
        @Valid @NotNull @DefaultValue Api api,
        @NotNull @DefaultValue Map<String, Object> sections) {

    public static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";

    /** The keys of the file that are not a flow's section. */
    static final Set<String> CORE_KEYS = Set.of("id", "name", "enabled", "zone", "api");

    public ProvinceProperties {
        sections = Map.copyOf(sections);
    }

    /** This province's section of a flow. */
    public <T> T section(ProvinceSection<T> section) {
        Object value = sections.get(section.key());
        if (value == null) {
            throw new IllegalStateException("province section '" + section.key() + "' is not registered");
        }
        return section.type().cast(value);
    }

    /** The facts of every section that declares some (secrets, fetched addresses, file links), in section order. */
    public List<SectionFacts> facts() {
        return sections.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                .filter(SectionFacts.class::isInstance).map(SectionFacts.class::cast).toList();
    }

    ProvinceProperties withSections(Map<String, Object> bound) {
        return new ProvinceProperties(id, name, enabled, zone, api, bound);
    }

    /** @param corsOrigins origins allowed to call {@code /api/v1} from a browser (the mini app's web origin) */
    public record Api(@DefaultValue List<@HttpUrl String> corsOrigins) {
    }
}
