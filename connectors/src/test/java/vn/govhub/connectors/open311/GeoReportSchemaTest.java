package vn.govhub.connectors.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract tests: the writer's JSON against the published GeoReport v2 JSON Schemas (open311/schema-validation,
 * copied under src/test/resources/open311/schemas, see the README there). Each shape is checked against its
 * standalone schema where one exists, and against the Swagger document's definition, which is stricter about nulls.
 */
class GeoReportSchemaTest {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final GeoReportWriter writer = new GeoReportWriter();

    private Schema schema(String name) {
        return registry.getSchema(SchemaLocation.of("classpath:open311/schemas/" + name));
    }

    /** A Swagger definition's items as an array schema, so that list answers are checked whole. */

    private static void assertValid(Schema schema, JsonNode json) {
        List<Error> errors = schema.validate(json);
        assertThat(errors).as("schema errors for %s", json).isEmpty();
    }

    private Schema swagger(String definition) {
        return schema("swagger.json#/definitions/" + definition);
    }

    @Test
    void servicesMatchTheServicesSchema() {
        JsonNode json = writer.servicesJson(List.of(Samples.pothole(), Samples.bareService()));
        assertValid(schema("services.json"), json);
        json.forEach(service -> assertValid(schema("service.json"), service));
        json.forEach(service -> assertValid(swagger("Service"), service));
    }

    @Test
    void serviceDefinitionMatchesItsSchema() {
        JsonNode json = writer.serviceDefinitionJson(Samples.potholeDefinition());
        assertValid(schema("service-definition.json"), json);
        assertValid(swagger("ServiceDefinition"), json);
        JsonNode none = writer.serviceDefinitionJson(ServiceDefinition.none("LIGHT"));
        assertValid(schema("service-definition.json"), none);
        assertValid(swagger("ServiceDefinition"), none);
    }

    @Test
    void requestsMatchTheRequestsSchema() {
        JsonNode json = writer.requestsJson(List.of(Samples.fullRequest(), Samples.bareRequest()));
        assertValid(schema("requests.json"), json);
        json.forEach(request -> assertValid(schema("request.json"), request));
        json.forEach(request -> assertValid(swagger("Request"), request));
    }

    @Test
    void postAnswersMatchTheRequestResponseDefinition() {
        JsonNode json = writer.createdJson(List.of(
                new RequestCreated("HUE-2026-000125", null, "Xử lý trong 48 giờ", "zalo-123"),
                RequestCreated.withToken("tok-9f2c", null)));
        json.forEach(created -> assertValid(swagger("RequestResponse"), created));
    }

    @Test
    void tokenAnswersMatchTheTokenResponseDefinition() {
        JsonNode json = writer.tokensJson(List.of(new TokenAnswer("tok-9f2c", "HUE-2026-000125"),
                new TokenAnswer("tok-a001", null)));
        json.forEach(answer -> assertValid(swagger("TokenResponse"), answer));
    }

    @Test
    void theSchemasDoRefuseWhatTheSpecificationForbids() {
        // the contract tests above would be worthless if the validator accepted anything
        ObjectNode request = writer.requestJson(Samples.fullRequest());
        request.put("status", "pending");
        assertThat(schema("request.json").validate(request)).isNotEmpty();

        ObjectNode badDate = writer.requestJson(Samples.fullRequest());
        badDate.put("requested_datetime", "28/11/2026 10:15");
        assertThat(schema("request.json").validate(badDate)).isNotEmpty();

        ObjectNode noCode = writer.serviceJson(Samples.pothole());
        noCode.remove("service_code");
        assertThat(schema("service.json").validate(noCode)).isNotEmpty();

        ObjectNode nullHelp = writer.serviceDefinitionJson(Samples.potholeDefinition());
        ((ObjectNode) nullHelp.path("attributes").get(1)).putNull("datatype_description");
        assertThat(schema("service-definition.json").validate(nullHelp)).isEmpty();
        assertThat(swagger("ServiceDefinition").validate(nullHelp)).isNotEmpty(); // why nulls are omitted
    }
}
