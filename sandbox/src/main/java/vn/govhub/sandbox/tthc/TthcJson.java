package vn.govhub.sandbox.tthc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;

/**
 * The national database's answer envelope: {@code {"error_code":0,"result":[...]}}, or a non-zero
 * {@code error_code} with a {@code message}, both with HTTP 200, as these systems answer failures.
 */
final class TthcJson {

    static final String TYPE = "application/json; charset=utf-8";
    static final ObjectMapper JSON = new ObjectMapper();

    private TthcJson() {
    }

    /** The request's JSON object, or null when the body is not one. */
    static JsonNode parse(Request request) {
        try {
            JsonNode node = JSON.readTree(request.getBody());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static ResponseDefinition ok(ArrayNode result) {
        return json(200, success(result));
    }

    /** The whole successful answer, for a caller that sends it other than whole. */
    static ObjectNode success(ArrayNode result) {
        ObjectNode answer = JSON.createObjectNode().put("error_code", TthcSimulator.OK);
        answer.set("result", result);
        return answer;
    }

    static ResponseDefinition error(int code, String message) {
        return json(200, JSON.createObjectNode().put("error_code", code).put("message", message));
    }

    static ResponseDefinition json(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", TYPE).withBody(bytes(body)).build();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
