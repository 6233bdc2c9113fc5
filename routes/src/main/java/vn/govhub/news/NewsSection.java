package vn.govhub.news;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.govhub.config.Cron;
import vn.govhub.config.HttpUrl;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceSection;
import vn.govhub.config.SectionFacts;

import java.time.Duration;
import java.util.List;

/**
 * The {@code news} section of a province file: the provincial portals the hub brings news in from.
 *
 * @param sources the portal feeds and list pages
 */
public record NewsSection(@Valid @DefaultValue List<NewsSource> sources) implements SectionFacts {

    public static final ProvinceSection<NewsSection> SECTION = new ProvinceSection<>("news", NewsSection.class);

    /** The province's {@code news} section. */
    public static NewsSection of(ProvinceProperties province) {
        return province.section(SECTION);
    }

    @Override
    public List<String> fetchedUrls() {
        return sources.stream().map(NewsSource::url).toList();
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
}
