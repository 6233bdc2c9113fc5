package vn.govhub.connectors.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Renders the GeoReport v2 answers in the specification's two formats: JSON (as a Jackson tree, or as text) and XML
 * (text, UTF-8, with the declaration). Both renderings come from one description of each object's fields, so they
 * carry the same fields in the same order:
 * <ul>
 *   <li>services: JSON array of objects; XML {@code <services><service>...</service></services>}</li>
 *   <li>service definition: JSON object with {@code attributes[]} and their {@code values[]}; XML
 *       {@code <service_definition><attributes><attribute><values><value><key/><name/>}</li>
 *   <li>service requests, created requests and token answers: JSON array; XML
 *       {@code <service_requests><request>...</request></service_requests>} (the specification wraps even a
 *       single request, a POST answer and a token answer in a list)</li>
 *   <li>errors: JSON array of {@code {"code", "description"}}; XML {@code <errors><error><code/><description/>}</li>
 * </ul>
 * Absent optional fields are left out of both formats: the published JSON Schemas accept a missing field everywhere,
 * while the Swagger definitions refuse {@code null} for some (e.g. {@code datatype_description}). Datetimes are
 * ISO 8601 with the jurisdiction's offset, whole seconds ({@code 2026-11-28T10:15:30+07:00}). Keywords go out as
 * one comma-separated string, as the schema describes them.
 *
 * <p>Thread-safe; holds no state besides the zone. The field lists are {@link GeoReportFields}'; the two renderings
 * are {@link GeoReportJson} and {@link GeoReportXml}.
 */
public final class GeoReportWriter {

    /** The zone the hub's jurisdictions are in. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final GeoReportFields fields;
    private final ObjectMapper json = new ObjectMapper();
    private final GeoReportXml xml = new GeoReportXml();

    /** A writer rendering datetimes in {@link #VIETNAM}. */
    public GeoReportWriter() {
        this(VIETNAM);
    }

    public GeoReportWriter(ZoneId zone) {
        this.fields = new GeoReportFields(Objects.requireNonNull(zone, "zone"));
    }

    /** {@code instant} as the wire shows it: ISO 8601 with this writer's offset, whole seconds. */
    public String datetime(Instant instant) {
        return fields.datetime(instant);
    }

    // ---- JSON trees

    public ArrayNode servicesJson(List<Service> services) {
        return GeoReportJson.array(services.stream().map(fields::of).toList());
    }

    public ObjectNode serviceJson(Service service) {
        return GeoReportJson.object(fields.of(service));
    }

    public ObjectNode serviceDefinitionJson(ServiceDefinition definition) {
        return GeoReportJson.object(fields.of(definition));
    }

    public ArrayNode requestsJson(List<ServiceRequest> requests) {
        return GeoReportJson.array(requests.stream().map(fields::of).toList());
    }

    public ObjectNode requestJson(ServiceRequest request) {
        return GeoReportJson.object(fields.of(request));
    }

    /** The answer to {@code POST requests.json}: an array of one (or, for a batch of posts, more). */
    public ArrayNode createdJson(List<RequestCreated> created) {
        return GeoReportJson.array(created.stream().map(fields::of).toList());
    }

    public ArrayNode tokensJson(List<TokenAnswer> answers) {
        return GeoReportJson.array(answers.stream().map(fields::of).toList());
    }

    public ArrayNode errorsJson(List<Open311Error> errors) {
        return GeoReportJson.array(errors.stream().map(fields::of).toList());
    }

    /** The tree as compact JSON text. */
    public String jsonText(JsonNode tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e); // cannot happen for a tree
        }
    }

    // ---- XML documents

    public String servicesXml(List<Service> services) {
        return xml.document("services", "service", services.stream().map(fields::of).toList());
    }

    public String serviceDefinitionXml(ServiceDefinition definition) {
        return xml.document("service_definition", null, List.of(fields.of(definition)));
    }

    public String requestsXml(List<ServiceRequest> requests) {
        return xml.document("service_requests", "request", requests.stream().map(fields::of).toList());
    }

    public String createdXml(List<RequestCreated> created) {
        return xml.document("service_requests", "request", created.stream().map(fields::of).toList());
    }

    public String tokensXml(List<TokenAnswer> answers) {
        return xml.document("service_requests", "request", answers.stream().map(fields::of).toList());
    }

    public String errorsXml(List<Open311Error> errors) {
        return xml.document("errors", "error", errors.stream().map(fields::of).toList());
    }

    // ---- either format, as text

    public String discovery(Discovery discovery, GeoReportFormat format) {
        if (format == GeoReportFormat.XML) {
            return xml.discovery(discovery);
        }
        ObjectNode root = json.createObjectNode().put("changeset", discovery.changeset()).put("contact", discovery.contact())
                .put("key_service", discovery.keyService());
        ObjectNode endpoint = root.putArray("endpoints").addObject().put("specification", Discovery.SPECIFICATION)
                .put("url", discovery.url()).put("changeset", discovery.changeset()).put("type", "production");
        endpoint.putArray("formats").add("text/xml").add("application/json");
        return jsonText(root);
    }

    public String services(List<Service> services, GeoReportFormat format) {
        return format == GeoReportFormat.XML ? servicesXml(services) : jsonText(servicesJson(services));
    }

    public String serviceDefinition(ServiceDefinition definition, GeoReportFormat format) {
        return format == GeoReportFormat.XML ? serviceDefinitionXml(definition)
                : jsonText(serviceDefinitionJson(definition));
    }

    public String requests(List<ServiceRequest> requests, GeoReportFormat format) {
        return format == GeoReportFormat.XML ? requestsXml(requests) : jsonText(requestsJson(requests));
    }

    public String created(List<RequestCreated> created, GeoReportFormat format) {
        return format == GeoReportFormat.XML ? createdXml(created) : jsonText(createdJson(created));
    }

    public String tokens(List<TokenAnswer> answers, GeoReportFormat format) {
        return format == GeoReportFormat.XML ? tokensXml(answers) : jsonText(tokensJson(answers));
    }

    public String errors(List<Open311Error> errors, GeoReportFormat format) {
        return format == GeoReportFormat.XML ? errorsXml(errors) : jsonText(errorsJson(errors));
    }
}
