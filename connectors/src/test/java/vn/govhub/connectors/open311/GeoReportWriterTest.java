package vn.govhub.connectors.open311;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeoReportWriterTest {

    private final GeoReportWriter writer = new GeoReportWriter();

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String xpath(Document doc, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, doc);
    }

    @Test
    void servicesXmlIsTheSpecificationsDocument() {
        assertThat(writer.servicesXml(List.of(Samples.pothole(), Samples.bareService()))).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><services>"
                        + "<service><service_code>ORG-HOLE</service_code><service_name>Ổ gà, hư hỏng mặt đường</service_name>"
                        + "<description>Mặt đường bị lún, nứt, ổ gà</description><metadata>true</metadata>"
                        + "<type>realtime</type><keywords>đường, ổ gà, giao thông</keywords><group>Giao thông</group></service>"
                        + "<service><service_code>LIGHT</service_code><service_name>Đèn đường không sáng</service_name>"
                        + "<metadata>false</metadata><type>batch</type></service>"
                        + "</services>");
    }

    @Test
    void discoveryNamesTheOneEndpointInBothFormatsAndEscapesItsTexts() throws Exception {
        Discovery discovery = new Discovery("2026-12-04T11:00:00+07:00", "Sở TT&TT <hỗ trợ>", "Khóa do tỉnh cấp",
                "https://hub.example.gov.vn/open311/v2/");
        Document doc = parse(writer.discovery(discovery, GeoReportFormat.XML));
        assertThat(xpath(doc, "/discovery/contact")).isEqualTo("Sở TT&TT <hỗ trợ>");
        assertThat(xpath(doc, "/discovery/endpoints/endpoint/url")).isEqualTo("https://hub.example.gov.vn/open311/v2/");
        assertThat(xpath(doc, "/discovery/endpoints/endpoint/specification")).isEqualTo(Discovery.SPECIFICATION);
        assertThat(xpath(doc, "count(/discovery/endpoints/endpoint/formats/format)")).isEqualTo("2");
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(writer.discovery(discovery, GeoReportFormat.JSON));
        assertThat(json.path("key_service").asText()).isEqualTo("Khóa do tỉnh cấp");
        assertThat(json.path("endpoints").get(0).path("formats").toString()).isEqualTo("[\"text/xml\",\"application/json\"]");
        assertThat(json.path("endpoints").get(0).path("type").asText()).isEqualTo("production");
    }

    @Test
    void servicesJsonCarriesKeywordsAsOneCommaSeparatedString() {
        JsonNode json = writer.servicesJson(List.of(Samples.pothole()));
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("keywords").asText()).isEqualTo("đường, ổ gà, giao thông");
        assertThat(json.get(0).get("metadata").isBoolean()).isTrue();
    }

    @Test
    void serviceDefinitionXmlNestsAttributesAndValues() throws Exception {
        Document doc = parse(writer.serviceDefinitionXml(Samples.potholeDefinition()));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("service_definition");
        assertThat(xpath(doc, "/service_definition/service_code")).isEqualTo("ORG-HOLE");
        assertThat(xpath(doc, "count(/service_definition/attributes/attribute)")).isEqualTo("6");
        assertThat(xpath(doc, "/service_definition/attributes/attribute[1]/code")).isEqualTo("SIZE");
        assertThat(xpath(doc, "/service_definition/attributes/attribute[1]/datatype")).isEqualTo("singlevaluelist");
        assertThat(xpath(doc, "/service_definition/attributes/attribute[1]/required")).isEqualTo("true");
        assertThat(xpath(doc, "/service_definition/attributes/attribute[1]/order")).isEqualTo("1");
        assertThat(xpath(doc, "/service_definition/attributes/attribute[1]/values/value[2]/key")).isEqualTo("L");
        assertThat(xpath(doc, "/service_definition/attributes/attribute[1]/values/value[2]/name"))
                .isEqualTo("Từ 30 cm trở lên");
        assertThat(xpath(doc, "count(/service_definition/attributes/attribute[code='DEPTH']/values)")).isEqualTo("0");
    }

    @Test
    void attributesWithoutOrderComeLast() {
        assertThat(Samples.potholeDefinition().attributes()).extracting(ServiceDefinition.Attribute::code)
                .containsExactly("SIZE", "LANES", "DEPTH", "SEEN", "NOTE", "PLATE");
    }

    @Test
    void datetimesCarryTheVietnameseOffset() {
        JsonNode json = writer.requestJson(Samples.fullRequest());
        assertThat(json.get("requested_datetime").asText()).isEqualTo("2026-11-28T10:15:30+07:00");
        assertThat(json.get("updated_datetime").asText()).isEqualTo("2026-11-29T08:00:00+07:00");
        assertThat(writer.datetime(Instant.parse("2026-11-28T03:15:30.987Z"))).isEqualTo("2026-11-28T10:15:30+07:00");
        assertThat(new GeoReportWriter(ZoneOffset.UTC).datetime(Samples.REQUESTED)).isEqualTo("2026-11-28T03:15:30Z");
    }

    @Test
    void absentOptionalFieldsAreLeftOutOfBothFormats() {
        JsonNode json = writer.requestJson(Samples.bareRequest());
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("service_request_id", "status", "service_code", "requested_datetime");
        assertThat(writer.requestsXml(List.of(Samples.bareRequest()))).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request>"
                        + "<service_request_id>HUE-2026-000124</service_request_id><status>open</status>"
                        + "<service_code>LIGHT</service_code><requested_datetime>2026-11-28T10:15:30+07:00</requested_datetime>"
                        + "</request></service_requests>");
    }

    @Test
    void coordinatesAreNumbers() throws Exception {
        JsonNode json = writer.requestJson(Samples.fullRequest());
        assertThat(json.get("lat").isNumber()).isTrue();
        assertThat(json.get("lat").asDouble()).isEqualTo(16.4637);
        assertThat(json.get("long").asDouble()).isEqualTo(107.5909);
        ServiceRequest tiny = new ServiceRequest("1", ServiceRequest.Status.OPEN, null, null, "X", null, null, null,
                Samples.REQUESTED, null, null, null, null, null, 0.0000001, -0.5, null);
        Document doc = parse(writer.requestsXml(List.of(tiny)));
        assertThat(xpath(doc, "/service_requests/request/lat")).isEqualTo("0.0000001"); // no 1.0E-7
    }

    @Test
    void postAnswerAndTokenAnswerAreWrappedInServiceRequests() {
        assertThat(writer.createdXml(List.of(new RequestCreated("HUE-2026-000125", null, "Xử lý trong 48 giờ", null))))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request>"
                        + "<service_request_id>HUE-2026-000125</service_request_id>"
                        + "<service_notice>Xử lý trong 48 giờ</service_notice></request></service_requests>");
        assertThat(writer.tokensXml(List.of(new TokenAnswer("tok-1", "HUE-2026-000125")))).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request>"
                        + "<service_request_id>HUE-2026-000125</service_request_id><token>tok-1</token>"
                        + "</request></service_requests>");
        assertThat(writer.jsonText(writer.createdJson(List.of(RequestCreated.withToken("tok-1", null)))))
                .isEqualTo("[{\"token\":\"tok-1\"}]");
    }

    @Test
    void errorsAreACodeAndADescription() {
        List<Open311Error> errors = List.of(Open311Error.badRequest("service_code is required"),
                Open311Error.badRequest("a location is required: lat and long, address_string or address_id"));
        assertThat(writer.errors(errors, GeoReportFormat.XML)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors>"
                        + "<error><code>400</code><description>service_code is required</description></error>"
                        + "<error><code>400</code><description>a location is required: lat and long, address_string "
                        + "or address_id</description></error></errors>");
        assertThat(writer.errors(errors.subList(0, 1), GeoReportFormat.JSON))
                .isEqualTo("[{\"code\":400,\"description\":\"service_code is required\"}]");
    }

    @Test
    void textIsEscapedAndXmlForbiddenCharactersAreReplaced() throws Exception {
        ServiceRequest request = new ServiceRequest("1", ServiceRequest.Status.OPEN, null, null, "X",
                "a < b & c > d \"q\"\r\nline two\u0001\uFFFF end 😀", null, null, Samples.REQUESTED, null, null,
                null, null, null, null, null, null);
        String xml = writer.requestsXml(List.of(request));
        assertThat(xml).contains("a &lt; b &amp; c &gt; d");
        assertThat(xpath(parse(xml), "/service_requests/request/description"))
                .isEqualTo("a < b & c > d \"q\"\r\nline two\uFFFD\uFFFD end 😀");
    }

    @Test
    void formatsAreChosenByPathSuffix() {
        assertThat(GeoReportFormat.ofExtension("XML")).isEqualTo(GeoReportFormat.XML);
        assertThat(GeoReportFormat.ofExtension("json").contentType()).startsWith("application/json");
        assertThatThrownBy(() -> GeoReportFormat.ofExtension("html")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsRefuseWhatTheWireCannotCarry() {
        assertThatThrownBy(() -> new Service("A", "a", null, false, Service.Type.REALTIME, List.of("x,y"), null))
                .hasMessageContaining("comma");
        assertThatThrownBy(() -> new RequestCreated("1", "tok", null, null)).hasMessageContaining("either");
        assertThatThrownBy(() -> new RequestCreated(null, " ", null, null)).hasMessageContaining("either");
        assertThatThrownBy(() -> new ServiceDefinition.Attribute(true, "A", ServiceDefinition.Datatype.SINGLEVALUELIST,
                true, null, 1, null, List.of())).hasMessageContaining("needs values");
        assertThatThrownBy(() -> new ServiceDefinition("S", List.of(
                new ServiceDefinition.Attribute(true, "A", ServiceDefinition.Datatype.TEXT, true, null, 1, null, null),
                new ServiceDefinition.Attribute(true, "A", ServiceDefinition.Datatype.TEXT, true, null, 2, null, null))))
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> new ServiceRequest("1", ServiceRequest.Status.OPEN, null, null, "X", null, null, null,
                Samples.REQUESTED, null, null, null, null, null, 16.0, null, null)).hasMessageContaining("lat and long");
        assertThatThrownBy(() -> new ServiceRequest("1", ServiceRequest.Status.OPEN, null, null, "X", "x".repeat(4001),
                null, null, Samples.REQUESTED, null, null, null, null, null, null, null, null))
                .hasMessageContaining("4000");
        assertThatThrownBy(() -> new ServiceRequest("1", ServiceRequest.Status.OPEN, null, null, "X", null, null, null,
                Samples.REQUESTED, null, null, null, null, null, null, null, "javascript:alert(1)"))
                .hasMessageContaining("media_url");
        assertThatThrownBy(() -> new Open311Error(200, "ok")).hasMessageContaining("400..599");
    }
}
