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
 */
public record ProvinceProperties(
        @NotBlank @Pattern(regexp = ProvinceProperties.ID, message = "must be lower-case letters, digits and dashes") String id,
        @NotBlank String name,
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
        @Valid @NotNull @DefaultValue Api api,
        @Valid @NotNull @DefaultValue News news) {

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
