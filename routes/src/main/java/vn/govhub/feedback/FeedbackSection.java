package vn.govhub.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.govhub.config.HttpUrl;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceSection;
import vn.govhub.config.SectionFacts;
import vn.govhub.platform.outbox.RetriedUpstream;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Citizen feedback (phản ánh – kiến nghị) of one province: the categories citizens choose from, the province's area and
 * its communes/wards, the agencies that answer, and the routing table (category × area → agency). Bound from the
 * {@code feedback} section of {@code config/provinces/<id>.yml}; reloaded with it.
 *
 * @param maxPhotos           photos per report
 * @param maxPhotoBytes       bytes per photo
 * @param maxDescription      characters of a description (Open311 allows 4,000)
 * @param perCitizenPerHour   reports one citizen may send in an hour (spam)
 * @param duplicateRadius     metres within which an open report of the same category is offered as a possible duplicate
 * @param duplicateWindow     how recent such a report must be
 * @param bounds              the province's bounding area: a location outside it is refused
 * @param areas               communes/wards: code, name and polygon ([[lat, long], ...]); a location inside one gets its code
 * @param categories          what citizens report about (Open311 services)
 * @param agencies            who answers: their own system over HTTP, or the hub's agency inbox
 * @param routing             rules, most specific first: the first whose category and area match names the agency
 * @param defaultAgency       the agency of a report no rule matches
 * @param open311             the Open311 GeoReport v2 face of this province
 * @param escalateTo          mini app user ids of the supervisors told (through the OA) of every report past its due time
 */
public record FeedbackSection(
        @DefaultValue("false") boolean enabled,
        @Min(0) @Max(10) @DefaultValue("5") int maxPhotos,
        @Min(1024) @DefaultValue("5242880") long maxPhotoBytes,
        @Min(100) @Max(10000) @DefaultValue("4000") int maxDescription,
        @Min(1) @DefaultValue("5") int perCitizenPerHour,
        @Min(0) @DefaultValue("200") int duplicateRadius,
        @NotNull @DefaultValue("72h") Duration duplicateWindow,
        @Valid Bounds bounds,
        @Valid @NotNull @DefaultValue List<Area> areas,
        @Valid @NotNull @DefaultValue List<Category> categories,
        @Valid @NotNull @DefaultValue List<Agency> agencies,
        @Valid @NotNull @DefaultValue List<Rule> routing,
        String defaultAgency,
        @Valid @NotNull @DefaultValue Open311 open311,
        @NotNull @DefaultValue List<String> escalateTo) implements SectionFacts {

    public static final ProvinceSection<FeedbackSection> SECTION = new ProvinceSection<>("feedback", FeedbackSection.class);

    /** The province's {@code feedback} section. */
    public static FeedbackSection of(ProvinceProperties province) {
        return province.section(SECTION);
    }

    @Override
    public List<Secret> secrets() {
        if (!enabled) {
            return List.of();
        }
        List<Secret> secrets = new java.util.ArrayList<>();
        for (Agency agency : agencies) {
            if (agency.system() != null) {
                secrets.add(new Secret("feedback.agencies[" + agency.id() + "].system.secret", agency.system().secret(), false));
                secrets.add(new Secret("feedback.agencies[" + agency.id() + "].system.callback-secret", agency.system().callbackSecret(), false));
            }
        }
        open311.apiKeys().forEach(key -> secrets.add(new Secret("feedback.open311.api-keys", key, false)));
        return secrets;
    }

    /** Agency systems download photos by signed links. */
    @Override
    public boolean sendsFileLinks() {
        return enabled && agencies.stream().anyMatch(a -> a.system() != null);
    }

    @AssertTrue(message = "bounds, at least one category and one agency, and default-agency are required when feedback is enabled")
    public boolean isComplete() {
        return !enabled || (bounds != null && !categories.isEmpty() && !agencies.isEmpty() && defaultAgency != null);
    }

    @AssertTrue(message = "names an agency that is not in feedback.agencies (see default-agency and routing[].agency)")
    public boolean isAgencyKnown() {
        Set<String> ids = new HashSet<>();
        agencies.forEach(a -> ids.add(a.id()));
        return (defaultAgency == null || ids.contains(defaultAgency)) && routing.stream().allMatch(r -> ids.contains(r.agency()));
    }

    @AssertTrue(message = "names a category or area that is not configured (routing[].category, routing[].areas)")
    public boolean isRoutingKnown() {
        Set<String> categoryCodes = new HashSet<>();
        categories.forEach(c -> categoryCodes.add(c.code()));
        Set<String> areaCodes = new HashSet<>();
        areas.forEach(a -> areaCodes.add(a.code()));
        return routing.stream().allMatch(r -> (r.category() == null || r.category().equals("*") || categoryCodes.contains(r.category()))
                && areaCodes.containsAll(r.areas()));
    }

    @AssertTrue(message = "category, area and agency codes must each be unique")
    public boolean isUnique() {
        return categories.stream().map(Category::code).distinct().count() == categories.size()
                && areas.stream().map(Area::code).distinct().count() == areas.size()
                && agencies.stream().map(Agency::id).distinct().count() == agencies.size();
    }

    @AssertTrue(message = "an area's polygon crosses itself or has points outside -90..90 / -180..180 (areas[].polygon, [[lat, long], ...])")
    public boolean isAreasValid() {
        org.locationtech.jts.geom.GeometryFactory geometry = new org.locationtech.jts.geom.GeometryFactory();
        for (Area area : areas) {
            List<List<Double>> points = area.polygon();
            if (points == null || points.size() < 3 || points.stream().anyMatch(p -> p == null || p.size() != 2 || p.get(0) == null
                    || p.get(1) == null || Math.abs(p.get(0)) > 90 || Math.abs(p.get(1)) > 180)) {
                return false;
            }
            org.locationtech.jts.geom.Coordinate[] ring = new org.locationtech.jts.geom.Coordinate[points.size() + 1];
            for (int i = 0; i < points.size(); i++) {
                ring[i] = new org.locationtech.jts.geom.Coordinate(points.get(i).get(1), points.get(i).get(0));
            }
            ring[points.size()] = ring[0];
            if (ring[points.size() - 1].equals2D(ring[0])) {
                ring = java.util.Arrays.copyOf(ring, points.size());
            }
            if (ring.length < 4 || !geometry.createPolygon(ring).isValid()) {
                return false;
            }
        }
        return true;
    }

    public Category category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }

    public Agency agency(String id) {
        return agencies.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    /** The province's bounding area, in degrees. */
    public record Bounds(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double minLat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double minLong,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double maxLat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double maxLong) {

        @AssertTrue(message = "min-lat/min-long must be below max-lat/max-long")
        public boolean isOrdered() {
            return minLat == null || maxLat == null || minLong == null || maxLong == null || (minLat < maxLat && minLong < maxLong);
        }

        public boolean contains(double lat, double lon) {
            return lat >= minLat && lat <= maxLat && lon >= minLong && lon <= maxLong;
        }
    }

    /** A commune or ward (xã, phường) with its administrative code and outline. */
    public record Area(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,32}") String code,
            @NotBlank String name,
            @NotNull @Size(min = 3, message = "needs at least three [lat, long] points") List<@Size(min = 2, max = 2) List<Double>> polygon) {
    }

    /**
     * A category (lĩnh vực phản ánh), served in Open311 as a service.
     *
     * @param sla        how long the agency has to answer
     * @param attributes extra questions (Open311 attributes), none by default
     */
    public record Category(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be 1 to 40 lower-case letters, digits or dashes") String code,
            @NotBlank String name,
            String description,
            String group,
            @NotNull @DefaultValue List<String> keywords,
            @NotNull @DefaultValue("72h") Duration sla,
            @Valid @NotNull @DefaultValue List<Attribute> attributes) {
    }

    /**
     * @param datatype string, number, datetime, text, singlevaluelist or multivaluelist
     * @param values   the allowed values of a list, key → name
     */
    public record Attribute(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String code,
            @NotBlank String description,
            @NotBlank @Pattern(regexp = "string|number|datetime|text|singlevaluelist|multivaluelist") String datatype,
            @DefaultValue("false") boolean required,
            @NotNull @DefaultValue Map<String, String> values) {
    }

    /**
     * An agency (cơ quan) that answers feedback. Without {@code system} its reports wait in the hub's agency inbox.
     */
    public record Agency(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be 1 to 40 lower-case letters, digits or dashes") String id,
            @NotBlank String name,
            @Valid AgencySystem system) {
    }

    /**
     * The agency's own feedback system.
     *
     * @param auth           none, bearer, basic or api-key; the secret from the environment
     * @param fields         target JSON field → hub field (README), a default mapping when empty
     * @param callbackSecret HMAC secret of its calls to {@code /webhooks/agencies/{province}/{agency}}
     * @param maxAttempts    failed deliveries (while the system is otherwise reachable) before the dead letter
     * @param retryJitter    each retry delay drawn within ±this share of its step (0.2), so failures do not return together
     * @param breakerFailures consecutive failures that open the system's circuit (per node)
     * @param breakerOpen    how long an open circuit stays open before one probe is let through
     */
    public record AgencySystem(
            @NotNull @HttpUrl String baseUrl,
            String submitPath,
            @NotNull @DefaultValue("none") @Pattern(regexp = "none|bearer|basic|api-key") String auth,
            String username,
            String headerName,
            String secret,
            @NotNull @DefaultValue Map<String, String> fields,
            String ticketField,
            String callbackSecret,
            @NotNull @DefaultValue("5m") Duration callbackMaxAge,
            @NotNull @DefaultValue("5s") Duration connectTimeout,
            @NotNull @DefaultValue("15s") Duration readTimeout,
            @Min(1) @Max(100) @DefaultValue("8") int maxAttempts,
            @NotNull @DefaultValue("2s") Duration retryBase,
            @NotNull @DefaultValue("5m") Duration retryMax,
            @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false)
            @DefaultValue("0.2") double retryJitter,
            @Min(1) @Max(1000) @DefaultValue("5") int breakerFailures,
            @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration breakerOpen) implements RetriedUpstream {

        @Override
        public String toString() {
            return "AgencySystem[" + baseUrl + ", auth " + auth + "]";
        }
    }

    /**
     * A routing rule. {@code category} null or "*" matches every category; empty {@code areas} matches everywhere
     * (and a report without a known area).
     */
    public record Rule(String category, @NotNull @DefaultValue List<String> areas, @NotBlank String agency) {
    }

    /**
     * @param apiKeys keys Open311 clients send as {@code api_key} to POST requests (from the environment)
     */
    public record Open311(@DefaultValue("false") boolean enabled, @NotNull @DefaultValue List<String> apiKeys) {

        @Override
        public String toString() {
            return "Open311[" + enabled + ", " + apiKeys.size() + " keys]";
        }
    }
}
