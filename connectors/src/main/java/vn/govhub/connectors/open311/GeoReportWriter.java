package vn.govhub.connectors.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

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
 * <p>Thread-safe; holds no state besides the zone.
 */
public final class GeoReportWriter {

    /** The zone the hub's jurisdictions are in. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ZoneId zone;
    private final ObjectMapper json = new ObjectMapper();
    /** The JDK's own StAX writer, whatever else is on the class path (Woodstox escapes and validates differently). */
    private final XMLOutputFactory xmlFactory = XMLOutputFactory.newDefaultFactory();

    /** A writer rendering datetimes in {@link #VIETNAM}. */
    public GeoReportWriter() {
        this(VIETNAM);
    }

    public GeoReportWriter(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** {@code instant} as the wire shows it: ISO 8601 with this writer's offset, whole seconds. */
    public String datetime(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    // ---- JSON trees

    public ArrayNode servicesJson(List<Service> services) {
        return jsonArray(services.stream().map(this::fields).toList());
    }

    public ObjectNode serviceJson(Service service) {
        return jsonObject(fields(service));
    }

    public ObjectNode serviceDefinitionJson(ServiceDefinition definition) {
        return jsonObject(fields(definition));
    }

    public ArrayNode requestsJson(List<ServiceRequest> requests) {
        return jsonArray(requests.stream().map(this::fields).toList());
    }

    public ObjectNode requestJson(ServiceRequest request) {
        return jsonObject(fields(request));
    }

    /** The answer to {@code POST requests.json}: an array of one (or, for a batch of posts, more). */
    public ArrayNode createdJson(List<RequestCreated> created) {
        return jsonArray(created.stream().map(this::fields).toList());
    }

    public ArrayNode tokensJson(List<TokenAnswer> answers) {
        return jsonArray(answers.stream().map(this::fields).toList());
    }

    public ArrayNode errorsJson(List<Open311Error> errors) {
        return jsonArray(errors.stream().map(this::fields).toList());
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
        return xml("services", "service", services.stream().map(this::fields).toList());
    }

    public String serviceDefinitionXml(ServiceDefinition definition) {
        return xml("service_definition", null, List.of(fields(definition)));
    }

    public String requestsXml(List<ServiceRequest> requests) {
        return xml("service_requests", "request", requests.stream().map(this::fields).toList());
    }

    public String createdXml(List<RequestCreated> created) {
        return xml("service_requests", "request", created.stream().map(this::fields).toList());
    }

    public String tokensXml(List<TokenAnswer> answers) {
        return xml("service_requests", "request", answers.stream().map(this::fields).toList());
    }

    public String errorsXml(List<Open311Error> errors) {
        return xml("errors", "error", errors.stream().map(this::fields).toList());
    }

    // ---- either format, as text

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

    // ---- the one description of each object's fields, in the specification's order

    private List<Field> fields(Service s) {
        Fields f = new Fields();
        f.add("service_code", s.serviceCode());
        f.add("service_name", s.serviceName());
        f.add("description", s.description());
        f.add("metadata", s.metadata());
        f.add("type", s.type().wire());
        f.add("keywords", s.keywords().isEmpty() ? null : String.join(", ", s.keywords()));
        f.add("group", s.group());
        return f.list;
    }

    private List<Field> fields(ServiceDefinition d) {
        Fields f = new Fields();
        f.add("service_code", d.serviceCode());
        f.add("attributes", new Items("attribute", d.attributes().stream().map(this::fields).toList()));
        return f.list;
    }

    private List<Field> fields(ServiceDefinition.Attribute a) {
        Fields f = new Fields();
        f.add("variable", a.variable());
        f.add("code", a.code());
        f.add("datatype", a.datatype().wire());
        f.add("required", a.required());
        f.add("datatype_description", a.datatypeDescription());
        f.add("order", a.order());
        f.add("description", a.description());
        if (a.datatype().isList()) {
            f.add("values", new Items("value", a.values().stream().map(v -> {
                Fields value = new Fields();
                value.add("key", v.key());
                value.add("name", v.name());
                return value.list;
            }).toList()));
        }
        return f.list;
    }

    private List<Field> fields(ServiceRequest r) {
        Fields f = new Fields();
        f.add("service_request_id", r.serviceRequestId());
        f.add("status", r.status().wire());
        f.add("status_notes", r.statusNotes());
        f.add("service_name", r.serviceName());
        f.add("service_code", r.serviceCode());
        f.add("description", r.description());
        f.add("agency_responsible", r.agencyResponsible());
        f.add("service_notice", r.serviceNotice());
        f.add("requested_datetime", datetime(r.requestedAt()));
        f.add("updated_datetime", r.updatedAt() == null ? null : datetime(r.updatedAt()));
        f.add("expected_datetime", r.expectedAt() == null ? null : datetime(r.expectedAt()));
        f.add("address", r.address());
        f.add("address_id", r.addressId());
        f.add("zipcode", r.zipcode());
        f.add("lat", r.lat());
        f.add("long", r.lon());
        f.add("media_url", r.mediaUrl());
        return f.list;
    }

    private List<Field> fields(RequestCreated c) {
        Fields f = new Fields();
        f.add("service_request_id", c.serviceRequestId());
        f.add("token", c.token());
        f.add("service_notice", c.serviceNotice());
        f.add("account_id", c.accountId());
        return f.list;
    }

    private List<Field> fields(TokenAnswer t) {
        Fields f = new Fields();
        f.add("service_request_id", t.serviceRequestId());
        f.add("token", t.token());
        return f.list;
    }

    private List<Field> fields(Open311Error e) {
        Fields f = new Fields();
        f.add("code", e.code());
        f.add("description", e.description());
        return f.list;
    }

    /**
     * A named value: String, Boolean, Integer, Double or {@link Items}. Null values are never added.
     */
    private record Field(String name, Object value) {
    }

    /** A nested list: a JSON array; in XML, the field's element wrapping one {@code element} per item. */
    private record Items(String element, List<List<Field>> items) {
    }

    private static final class Fields {
        final List<Field> list = new ArrayList<>();

        void add(String name, Object value) {
            if (value != null) {
                list.add(new Field(name, value));
            }
        }
    }

    private ArrayNode jsonArray(List<List<Field>> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(jsonObject(item)));
        return array;
    }

    private ObjectNode jsonObject(List<Field> fields) {
        ObjectNode object = NODES.objectNode();
        for (Field field : fields) {
            Object value = field.value();
            if (value instanceof String s) {
                object.put(field.name(), s);
            } else if (value instanceof Boolean b) {
                object.put(field.name(), b);
            } else if (value instanceof Integer i) {
                object.put(field.name(), i);
            } else if (value instanceof Double d) {
                object.put(field.name(), d);
            } else if (value instanceof Items items) {
                object.set(field.name(), jsonArray(items.items()));
            } else {
                throw new IllegalStateException("no JSON for " + value.getClass());
            }
        }
        return object;
    }

    private String xml(String root, String itemElement, List<List<Field>> items) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = xmlFactory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            for (List<Field> item : items) {
                if (itemElement == null) {
                    writeFields(xml, item);
                } else {
                    xml.writeStartElement(itemElement);
                    writeFields(xml, item);
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("an Open311 XML document could not be written", e);
        }
        return out.toString();
    }

    private void writeFields(XMLStreamWriter xml, List<Field> fields) throws XMLStreamException {
        for (Field field : fields) {
            xml.writeStartElement(field.name());
            Object value = field.value();
            if (value instanceof Items items) {
                for (List<Field> item : items.items()) {
                    xml.writeStartElement(items.element());
                    writeFields(xml, item);
                    xml.writeEndElement();
                }
            } else if (value instanceof Double d) {
                // plain decimal notation: XML readers of coordinates do not all take 1.0E-7
                xml.writeCharacters(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
            } else if (value instanceof String s) {
                writeText(xml, s);
            } else {
                xml.writeCharacters(value.toString());
            }
            xml.writeEndElement();
        }
    }

    /**
     * Text as XML 1.0 can carry it: characters XML forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become
     * U+FFFD, and carriage returns go out as {@code &#xD;} so that a parser gives back the CRLF a form sent.
     */
    private static void writeText(XMLStreamWriter xml, String text) throws XMLStreamException {
        StringBuilder run = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r') {
                xml.writeCharacters(run.toString());
                run.setLength(0);
                xml.writeEntityRef("#xD");
            } else if (c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000) {
                run.appendCodePoint(c);
            } else {
                run.append('\uFFFD');
            }
        }
        xml.writeCharacters(run.toString());
    }
}
