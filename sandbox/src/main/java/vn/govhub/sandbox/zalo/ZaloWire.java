package vn.govhub.sandbox.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What every Zalo answer shares: the {@code {"error","message","data"}} envelope, always with HTTP 200 (Zalo
 * reports failures in the body, and the hub must read them there), JSON request bodies, and the random
 * tokens and ids Zalo hands out.
 */
final class ZaloWire {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ZaloWire() {
    }

    static ObjectNode envelope(int error, String message) {
        return JSON.createObjectNode().put("error", error).put("message", message);
    }

    static ResponseDefinition error(int code, String message) {
        return json(envelope(code, message));
    }

    static ResponseDefinition json(JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body.toString()).build();
    }

    /** The request's JSON object, or null when the body is not one. */
    static JsonNode body(Request request) {
        try {
            JsonNode node = JSON.readTree(request.getBodyAsString());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** An unguessable token, prefixed by its kind ({@code at-…}, {@code rt-…}) so a log shows what it is. */
    static String token(String kind) {
        return kind + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
    }

    /** {@code n} random bytes as hex. */
    static String randomHex(int n) {
        return HexFormat.of().formatHex(randomBytes(n));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
