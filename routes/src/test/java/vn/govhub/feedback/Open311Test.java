package vn.govhub.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open311 GeoReport v2 face, live: every JSON answer validates against the published GeoReport v2 JSON Schemas
 * (open311/schema-validation, kept under connectors/src/test/resources/open311/schemas), XML and JSON carry the same
 * content, POSTed requests need the api_key and go through the same checks and routing as the mini app's.
 */
class Open311Test extends FeedbackHub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clean() {
        for (String table : new String[] {"feedback_history", "feedback_photo", "feedback", "outbox"}) {
            jdbc.update("DELETE FROM " + table);
        }
        if (!AGENCY.isRunning()) { // the shared agency system may have been left down by another class's test
            AGENCY.start();
        }
        AGENCY.reset();
    }

    @Test
    void servicesAndTheirDefinitionsValidateAndXmlSaysWhatJsonSays() throws Exception {
        JsonNode services = json(get("/open311/v2/services.json"));
        assertValid("services.json", services);
        services.forEach(s -> assertValid("swagger.json#/definitions/Service", s));
        assertThat(services.findValuesAsText("service_code")).containsExactly("dien", "moi-truong", "giao-thong");
        assertThat(services.get(0).path("metadata").asBoolean()).isTrue();
        Document xml = xml(get("/open311/v2/services.xml"));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(texts(xml, "service_code")).isEqualTo(services.findValuesAsText("service_code"));
        assertThat(texts(xml, "service_name")).isEqualTo(services.findValuesAsText("service_name"));

        JsonNode definition = json(get("/open311/v2/services/dien.json"));
        assertValid("service-definition.json", definition);
        assertValid("swagger.json#/definitions/ServiceDefinition", definition);
        assertThat(definition.path("attributes").get(0).path("code").asText()).isEqualTo("muc-do");
        assertThat(definition.path("attributes").get(0).path("values").findValuesAsText("key")).containsExactlyInAnyOrder("cao", "thap");
        assertThat(texts(xml(get("/open311/v2/services/dien.xml")), "key")).containsExactlyInAnyOrder("cao", "thap");

        HttpResponse<String> unknown = get("/open311/v2/services/khong-co.json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get(0).path("code").asInt()).isEqualTo(404);
        HttpResponse<String> unknownXml = get("/open311/v2/services/khong-co.xml");
        assertThat(texts(xml(unknownXml), "code")).containsExactly("404");
        assertThat(json(get("/open311/v2/discovery.json")).path("endpoints").get(0).path("formats")).hasSize(2);
        assertThat(get("/open311/v2/services.json?jurisdiction_id=ha-noi").statusCode()).isEqualTo(404);
    }

    @Test
    void aPostedRequestIsRoutedLikeTheMiniAppsAndReadBackInBothFormats() throws Exception {
        HttpResponse<String> created = post("json", Map.of("api_key", "test-open311-key", "service_code", "moi-truong",
                "lat", "11.31", "long", "106.10", "description", "Rác thải đổ trộm ven kênh", "first_name", "Bình",
                "last_name", "Trần", "phone", "0912345678", "media_url", "https://anh.example.org/rac.jpg"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = json(created);
        assertValid("swagger.json#/definitions/RequestResponse", answer.get(0));
        String id = answer.get(0).path("service_request_id").asText();
        assertThat(jdbc.queryForObject("SELECT agency FROM feedback WHERE reference = ?", String.class, id)).isEqualTo("ubnd-p1");
        assertThat(jdbc.queryForObject("SELECT channel FROM feedback WHERE reference = ?", String.class, id)).isEqualTo("OPEN311");

        JsonNode one = json(get("/open311/v2/requests/" + id + ".json"));
        assertValid("requests.json", one);
        one.forEach(r -> assertValid("request.json", r));
        one.forEach(r -> assertValid("swagger.json#/definitions/Request", r));
        JsonNode request = one.get(0);
        assertThat(request.path("status").asText()).isEqualTo("open");
        assertThat(request.path("agency_responsible").asText()).isEqualTo("UBND Phường 1");
        assertThat(request.path("media_url").asText()).isEqualTo("https://anh.example.org/rac.jpg");
        assertThat(request.path("requested_datetime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00");
        assertThat(one.toString()).doesNotContain("0912345678").doesNotContain("Bình");

        Document xml = xml(get("/open311/v2/requests/" + id + ".xml"));
        Element element = (Element) xml.getElementsByTagName("request").item(0);
        for (String field : List.of("service_request_id", "status", "service_code", "service_name", "description", "agency_responsible",
                "requested_datetime", "expected_datetime", "lat", "long", "media_url")) {
            assertThat(child(element, field)).as(field).isEqualTo(request.path(field).asText());
        }

        JsonNode search = json(get("/open311/v2/requests.json?service_code=moi-truong&status=open"));
        assertValid("requests.json", search);
        assertThat(search.findValuesAsText("service_request_id")).containsExactly(id);
        assertThat(json(get("/open311/v2/requests.json?status=closed")).isEmpty()).isTrue();
        String uuid = jdbc.queryForObject("SELECT id FROM feedback WHERE reference = ?", String.class, id);
        JsonNode token = json(get("/open311/v2/tokens/" + uuid + ".json"));
        assertThat(token.get(0).path("service_request_id").asText()).isEqualTo(id);

        // answered in the agency inbox: closed, with the answer as status notes
        HttpRequest reply = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/feedback/" + uuid + "/reply"))
                .header("Authorization", "Bearer test-operator-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answer\":\"Đã thu dọn\"}")).build();
        assertThat(http.send(reply, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        JsonNode closed = json(get("/open311/v2/requests/" + id + ".json")).get(0);
        assertThat(closed.path("status").asText()).isEqualTo("closed");
        assertThat(closed.path("status_notes").asText()).isEqualTo("Đã thu dọn");
    }

    @Test
    void badRequestsGetTheStandardsErrorListsAndStoreNothing() throws Exception {
        HttpResponse<String> noKey = post("json", Map.of("service_code", "moi-truong", "lat", "11.31", "long", "106.10"));
        assertThat(noKey.statusCode()).isEqualTo(403);
        assertError(json(noKey).get(0), 403);
        assertThat(post("xml", Map.of("api_key", "wrong", "service_code", "moi-truong", "lat", "11.31", "long", "106.10"))
                .statusCode()).isEqualTo(403);

        Map<String, Map<String, String>> bad = new LinkedHashMap<>();
        bad.put("service_code", Map.of("api_key", "test-open311-key", "lat", "11.31", "long", "106.10"));
        bad.put("unknown service", Map.of("api_key", "test-open311-key", "service_code", "khong-co", "lat", "11.31", "long", "106.10"));
        bad.put("outside", Map.of("api_key", "test-open311-key", "service_code", "moi-truong", "lat", "21.03", "long", "105.85"));
        bad.put("no place", Map.of("api_key", "test-open311-key", "service_code", "moi-truong", "description", "x"));
        bad.put("description", Map.of("api_key", "test-open311-key", "service_code", "moi-truong", "lat", "11.31", "long", "106.10",
                "description", "a".repeat(4001)));
        bad.put("attribute", Map.of("api_key", "test-open311-key", "service_code", "dien", "lat", "11.31", "long", "106.10",
                "attribute[muc-do]", "rat-cao"));
        for (Map.Entry<String, Map<String, String>> c : bad.entrySet()) {
            for (String fmt : List.of("json", "xml")) {
                HttpResponse<String> refused = post(fmt, c.getValue());
                assertThat(refused.statusCode()).as(c.getKey() + " " + fmt + ": " + refused.body()).isEqualTo(400);
                if (fmt.equals("json")) {
                    json(refused).forEach(e -> assertError(e, 400));
                } else {
                    assertThat(xml(refused).getDocumentElement().getTagName()).isEqualTo("errors");
                }
            }
        }
        HttpResponse<String> window = get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
        assertThat(window.statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Integer.class)).isZero();
    }

    // --- helpers

    private static void assertValid(String schema, JsonNode json) {
        Schema s = REGISTRY.getSchema(SchemaLocation.of("classpath:open311/schemas/" + schema));
        List<Error> errors = s.validate(json);
        assertThat(errors).as("%s against %s", json, schema).isEmpty();
    }

    /** The published schemas define no error object; the specification's is {code, description}. */
    private static void assertError(JsonNode error, int code) {
        assertThat(error.path("code").isInt()).as(error.toString()).isTrue();
        assertThat(error.path("code").asInt()).isEqualTo(code);
        assertThat(error.path("description").isTextual()).as(error.toString()).isTrue();
        assertThat(error.size()).isEqualTo(2);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String fmt, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open311/v2/requests." + fmt))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static Document xml(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static String child(Element element, String tag) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent();
            }
        }
        return null;
    }
}
