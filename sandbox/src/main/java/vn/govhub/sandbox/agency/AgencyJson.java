package vn.govhub.sandbox.agency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** The JSON the agency system speaks both ways: its answers to submissions and the callbacks it sends. */
final class AgencyJson {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TYPE = "application/json; charset=UTF-8";

    private AgencyJson() {
    }

    /** {@code {"message": text}}, the body of every answer; callers add to it. */
    static ObjectNode message(String text) {
        return JSON.createObjectNode().put("message", text);
    }

    static ResponseDefinition answer(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", TYPE)
                .withBody(bytes(body)).build();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
