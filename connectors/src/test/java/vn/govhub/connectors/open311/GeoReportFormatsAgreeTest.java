package vn.govhub.connectors.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML and JSON renderings of the same objects, both parsed back from text, carry the same fields in the same
 * order with the same values. The repository of published schemas has no XSD, so this is what holds the XML to the
 * schema-checked JSON.
 */
class GeoReportFormatsAgreeTest {

    /** The XML elements whose children are list items (a JSON array), by the specification's layout. */
    private static final Set<String> LISTS = Set.of("services", "service_requests", "errors", "attributes", "values");

    private final GeoReportWriter writer = new GeoReportWriter();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void servicesAgree() throws Exception {
        List<Service> services = List.of(Samples.pothole(), Samples.bareService());
        assertAgree(writer.services(services, GeoReportFormat.XML), writer.services(services, GeoReportFormat.JSON));
    }

    @Test
    void serviceDefinitionsAgree() throws Exception {
        for (ServiceDefinition definition : List.of(Samples.potholeDefinition(), ServiceDefinition.none("LIGHT"))) {
            assertAgree(writer.serviceDefinition(definition, GeoReportFormat.XML),
                    writer.serviceDefinition(definition, GeoReportFormat.JSON));
        }
    }

    @Test
    void serviceRequestsAgree() throws Exception {
        ServiceRequest odd = new ServiceRequest("7", ServiceRequest.Status.OPEN, null, null, "X",
                "dòng một\r\ndòng hai <b>&amp;</b>", null, null, Instant.parse("2026-01-01T00:00:00.5Z"), null, null,
                null, null, null, 0.0000001, -180.0, null);
        List<ServiceRequest> requests = List.of(Samples.fullRequest(), Samples.bareRequest(), odd);
        assertAgree(writer.requests(requests, GeoReportFormat.XML), writer.requests(requests, GeoReportFormat.JSON));
    }

    @Test
    void postAnswersTokenAnswersAndErrorsAgree() throws Exception {
        List<RequestCreated> created = List.of(new RequestCreated("HUE-1", null, "Xử lý trong 48 giờ", "acc-1"),
                RequestCreated.withToken("tok-1", null));
        assertAgree(writer.created(created, GeoReportFormat.XML), writer.created(created, GeoReportFormat.JSON));
        List<TokenAnswer> tokens = List.of(new TokenAnswer("tok-1", "HUE-1"), new TokenAnswer("tok-2", null));
        assertAgree(writer.tokens(tokens, GeoReportFormat.XML), writer.tokens(tokens, GeoReportFormat.JSON));
        List<Open311Error> errors = List.of(Open311Error.badRequest("attribute[SIZE] is required"),
                Open311Error.forbidden("api_key is not valid"));
        assertAgree(writer.errors(errors, GeoReportFormat.XML), writer.errors(errors, GeoReportFormat.JSON));
    }

    private void assertAgree(String xml, String json) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        JsonNode tree = mapper.readTree(json);
        compare(root, tree, root.getNodeName());
    }

    private void compare(Element element, JsonNode json, String path) {
        List<Element> children = children(element);
        if (LISTS.contains(element.getNodeName())) {
            assertThat(json.isArray()).as("%s is a list in JSON", path).isTrue();
            assertThat(children).as("%s: items", path).hasSize(json.size());
            for (int i = 0; i < children.size(); i++) {
                compare(children.get(i), json.get(i), path + "/" + children.get(i).getNodeName() + "[" + i + "]");
            }
        } else if (json.isObject()) {
            List<String> jsonNames = new ArrayList<>();
            json.fieldNames().forEachRemaining(jsonNames::add);
            assertThat(children).extracting(Node::getNodeName).as("%s: fields", path).containsExactlyElementsOf(jsonNames);
            Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
            for (Element child : children) {
                compare(child, fields.next().getValue(), path + "/" + child.getNodeName());
            }
        } else {
            assertThat(children).as("%s is a leaf", path).isEmpty();
            String text = element.getTextContent();
            if (json.isNumber()) {
                assertThat(new BigDecimal(text)).as(path).isEqualByComparingTo(json.decimalValue());
            } else if (json.isBoolean()) {
                assertThat(text).as(path).isEqualTo(Boolean.toString(json.booleanValue()));
            } else {
                assertThat(text).as(path).isEqualTo(json.textValue());
            }
        }
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }
}
