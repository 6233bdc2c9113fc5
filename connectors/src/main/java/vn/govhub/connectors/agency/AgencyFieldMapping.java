package vn.govhub.connectors.agency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How one agency wants the feedback's JSON: a map from a target field path (dot separated, e.g.
 * {@code reporter.phone}) to a source — one of the hub's fields ({@link #SOURCES}) or a constant written as
 * {@code const:<text>}. The target fields appear in the map's order; intermediate objects are created as needed.
 * Instants are written ISO-8601 with the Vietnam offset ({@code 2026-11-28T09:30:00+07:00}); {@code lat}/{@code lon}
 * as numbers; {@code photos} as an array of {@code {id, contentType, size, url}}; absent values as JSON null.
 *
 * <p>Validated when built: an unknown source, a blank or malformed path, or two paths where one is inside the other
 * ({@code reporter} and {@code reporter.phone}) is an {@link IllegalArgumentException} naming the field.
 */
public final class AgencyFieldMapping {

    public static final String CONSTANT_PREFIX = "const:";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The hub fields a target may take its value from, by source name. */
    private static final Map<String, Function<AgencyFeedback, JsonNode>> READERS = readers();

    /** The source names, in documentation order. */
    public static final List<String> SOURCES = List.copyOf(READERS.keySet());

    /** What an agency gets when its configuration names no fields. */
    public static final AgencyFieldMapping DEFAULT = new AgencyFieldMapping(defaultFields());

    private final Map<String, String> fields;

    /** @param fields target path → source name or {@code const:<text>}; iteration order is kept */
    public AgencyFieldMapping(Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("agency field mapping is empty");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((target, source) -> {
            validateTarget(target);
            validateSource(target, source);
            copy.put(target, source);
        });
        for (String target : copy.keySet()) {
            for (int dot = target.indexOf('.'); dot > 0; dot = target.indexOf('.', dot + 1)) {
                String parent = target.substring(0, dot);
                if (copy.containsKey(parent)) {
                    throw new IllegalArgumentException("agency field mapping: '" + target + "' lies inside '" + parent
                            + "', which is mapped to a value itself");
                }
            }
        }
        this.fields = Collections.unmodifiableMap(copy);
    }

    /** The mapping for these configured fields, or {@link #DEFAULT} when none are configured. */
    public static AgencyFieldMapping of(Map<String, String> fields) {
        return fields == null || fields.isEmpty() ? DEFAULT : new AgencyFieldMapping(fields);
    }

    /** Target path → source, in order. */
    public Map<String, String> fields() {
        return fields;
    }

    /** The feedback as this agency's JSON object. */
    public ObjectNode write(AgencyFeedback feedback) {
        ObjectNode root = NODES.objectNode();
        fields.forEach((target, source) -> {
            JsonNode value = source.startsWith(CONSTANT_PREFIX)
                    ? NODES.textNode(source.substring(CONSTANT_PREFIX.length()))
                    : READERS.get(source).apply(feedback);
            ObjectNode parent = root;
            String[] segments = target.split("\\.");
            for (int i = 0; i < segments.length - 1; i++) {
                JsonNode child = parent.get(segments[i]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(segments[i]);
            }
            parent.set(segments[segments.length - 1], value);
        });
        return root;
    }

    @Override
    public String toString() {
        return "AgencyFieldMapping" + fields;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgencyFieldMapping m && fields.equals(m.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    private static void validateTarget(String target) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("agency field mapping: blank target field");
        }
        for (String segment : target.split("\\.", -1)) {
            if (segment.isBlank() || !segment.strip().equals(segment)) {
                throw new IllegalArgumentException("agency field mapping: malformed target field '" + target
                        + "' (dot-separated names, no empty part, no surrounding spaces)");
            }
        }
    }

    private static void validateSource(String target, String source) {
        if (source == null || (!source.startsWith(CONSTANT_PREFIX) && !READERS.containsKey(source))) {
            throw new IllegalArgumentException("agency field mapping: unknown source '" + source + "' for field '"
                    + target + "'; known sources: " + String.join(", ", READERS.keySet()) + ", or " + CONSTANT_PREFIX
                    + "<text> for a constant");
        }
    }

    private static Map<String, Function<AgencyFeedback, JsonNode>> readers() {
        Map<String, Function<AgencyFeedback, JsonNode>> r = new LinkedHashMap<>();
        r.put("id", f -> text(f.feedbackId()));
        r.put("code", f -> text(f.code()));
        r.put("category", f -> text(f.categoryCode()));
        r.put("categoryName", f -> text(f.categoryName()));
        r.put("title", f -> text(f.title()));
        r.put("description", f -> text(f.description()));
        r.put("submittedAt", f -> time(f.submittedAt()));
        r.put("dueAt", f -> time(f.dueAt()));
        r.put("lat", f -> f.location() == null ? NODES.nullNode() : number(f.location().lat()));
        r.put("lon", f -> f.location() == null ? NODES.nullNode() : number(f.location().lon()));
        r.put("address", f -> text(f.location() == null ? null : f.location().address()));
        r.put("areaCode", f -> text(f.location() == null ? null : f.location().areaCode()));
        r.put("photos", AgencyFieldMapping::photos);
        r.put("citizenName", f -> text(f.citizen() == null ? null : f.citizen().name()));
        r.put("citizenPhone", f -> text(f.citizen() == null ? null : f.citizen().phone()));
        r.put("anonymous", f -> NODES.booleanNode(f.anonymous()));
        return Collections.unmodifiableMap(r);
    }

    private static Map<String, String> defaultFields() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("id", "id");
        d.put("code", "code");
        d.put("category.code", "category");
        d.put("category.name", "categoryName");
        d.put("title", "title");
        d.put("description", "description");
        d.put("submittedAt", "submittedAt");
        d.put("dueAt", "dueAt");
        d.put("location.lat", "lat");
        d.put("location.lon", "lon");
        d.put("location.address", "address");
        d.put("location.areaCode", "areaCode");
        d.put("photos", "photos");
        d.put("reporter.anonymous", "anonymous");
        d.put("reporter.name", "citizenName");
        d.put("reporter.phone", "citizenPhone");
        return d;
    }

    private static JsonNode photos(AgencyFeedback f) {
        ArrayNode array = NODES.arrayNode();
        for (AgencyFeedback.Photo p : f.photos()) {
            array.addObject().put("id", p.id()).put("contentType", p.contentType()).put("size", p.size()).put("url", p.url());
        }
        return array;
    }

    private static JsonNode text(String value) {
        return value == null ? NODES.nullNode() : NODES.textNode(value);
    }

    private static JsonNode number(Double value) {
        return value == null ? NODES.nullNode() : NODES.numberNode(value);
    }

    private static JsonNode time(Instant instant) {
        return instant == null ? NODES.nullNode() : NODES.textNode(WIRE_TIME.format(instant.atZone(VIETNAM)));
    }
}
