package vn.govhub.feedback;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One province's routing table, built from its {@code feedback} configuration: which commune/ward a location lies
 * in (point in polygon, JTS) and which agency answers a category there. Rules are tried most specific first — a
 * category and areas, then a category anywhere, then any category in areas, then any category anywhere — and in
 * file order within each tier; the first match names the agency, else the default agency. Immutable, thread-safe.
 */
public final class FeedbackRouting {

    /** The agency chosen and why (for the report's history). */
    public record Route(String agency, String reason) {
    }

    private record Outline(String code, PreparedGeometry shape) {
    }

    private record Ranked(FeedbackSection.Rule rule, int tier, int order) {
    }

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final FeedbackSection config;
    private final List<Outline> areas;
    private final List<Ranked> rules;

    public FeedbackRouting(FeedbackSection config) {
        this.config = config;
        List<Outline> outlines = new ArrayList<>();
        for (FeedbackSection.Area area : config.areas()) {
            outlines.add(new Outline(area.code(), PreparedGeometryFactory.prepare(polygon(area))));
        }
        this.areas = List.copyOf(outlines);
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < config.routing().size(); i++) {
            FeedbackSection.Rule rule = config.routing().get(i);
            boolean anyCategory = rule.category() == null || rule.category().equals("*");
            int tier = (anyCategory ? 2 : 0) + (rule.areas().isEmpty() ? 1 : 0);
            ranked.add(new Ranked(rule, tier, i));
        }
        ranked.sort(Comparator.comparingInt(Ranked::tier).thenComparingInt(Ranked::order));
        this.rules = List.copyOf(ranked);
    }

    public FeedbackSection config() {
        return config;
    }

    /** Whether a location lies inside the province's bounding area. */
    public boolean inProvince(double lat, double lon) {
        return config.bounds() != null && config.bounds().contains(lat, lon);
    }

    /** The code of the commune/ward a location lies in, if one of the configured outlines holds it. */
    public Optional<String> areaAt(double lat, double lon) {
        Point point = GEOMETRY.createPoint(new Coordinate(lon, lat));
        for (Outline outline : areas) {
            if (outline.shape().covers(point)) {
                return Optional.of(outline.code());
            }
        }
        return Optional.empty();
    }

    public boolean knowsArea(String code) {
        return areas.stream().anyMatch(a -> a.code().equals(code));
    }

    /** The agency for a category in an area ({@code areaCode} null when the place is unknown). */
    public Route route(String category, String areaCode) {
        for (Ranked r : rules) {
            FeedbackSection.Rule rule = r.rule();
            boolean categoryMatches = rule.category() == null || rule.category().equals("*") || rule.category().equals(category);
            boolean areaMatches = rule.areas().isEmpty() || (areaCode != null && rule.areas().contains(areaCode));
            if (categoryMatches && areaMatches) {
                return new Route(rule.agency(), "rule " + (r.order() + 1) + " (" + (rule.category() == null ? "*" : rule.category())
                        + (rule.areas().isEmpty() ? "" : " in " + String.join(", ", rule.areas())) + ")");
            }
        }
        return new Route(config.defaultAgency(), "default agency");
    }

    private static Polygon polygon(FeedbackSection.Area area) {
        List<List<Double>> points = area.polygon();
        Coordinate[] ring = new Coordinate[points.size() + (closed(points) ? 0 : 1)];
        for (int i = 0; i < points.size(); i++) {
            ring[i] = new Coordinate(points.get(i).get(1), points.get(i).get(0)); // x = long, y = lat
        }
        if (!closed(points)) {
            ring[ring.length - 1] = ring[0];
        }
        Polygon polygon = GEOMETRY.createPolygon(ring);
        if (!polygon.isValid()) {
            throw new IllegalArgumentException("area " + area.code() + ": its polygon crosses itself");
        }
        return polygon;
    }

    private static boolean closed(List<List<Double>> points) {
        return points.get(0).equals(points.get(points.size() - 1));
    }
}
