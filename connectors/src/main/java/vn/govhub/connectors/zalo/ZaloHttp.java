package vn.govhub.connectors.zalo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import vn.govhub.connectors.http.BoundedHttp;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place that talks HTTP to Zalo: JSON or form bodies, headers, timeouts, and the reading of Zalo's
 * answer envelope ({@code error}, {@code message}, {@code data}) whatever the HTTP status.
 */
final class ZaloHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ZaloEndpoints endpoints;
    /** Zalo's answers are small JSON objects. */
    static final long MAX_ANSWER_BYTES = 1L << 20;
    private final HttpClient client;

    ZaloHttp(ZaloEndpoints endpoints) {
        this.endpoints = endpoints;
        this.client = HttpClient.newBuilder().connectTimeout(endpoints.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    ZaloEndpoints endpoints() {
        return endpoints;
    }

    JsonNode postJson(URI uri, Map<String, String> headers, Object body) {
        try {
            return send(builder(uri, headers).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body cannot be written as JSON", e);
        }
    }

    JsonNode postForm(URI uri, Map<String, String> headers, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(builder(uri, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build());
    }

    JsonNode get(URI uri, Map<String, String> headers) {
        return send(builder(uri, headers).GET().build());
    }

    private HttpRequest.Builder builder(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(endpoints.readTimeout());
        headers.forEach(builder::header);
        return builder;
    }

    /** The whole answer; a non-zero {@code error} becomes the matching {@link ZaloException}. */
    private JsonNode send(HttpRequest request) {
        BoundedHttp.Answer answer;
        try {
            answer = BoundedHttp.send(client, request, MAX_ANSWER_BYTES, endpoints.readTimeout());
        } catch (BoundedHttp.TooLarge e) {
            throw new ZaloException.Permanent(0, "Zalo's answer was " + e.getMessage());
        } catch (HttpTimeoutException e) {
            throw new ZaloException.Transient(0, "Zalo did not answer in time: " + request.uri().getPath(), e);
        } catch (IOException e) {
            throw new ZaloException.Transient(0, "Zalo unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZaloException.Transient(0, "interrupted", e);
        }
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        JsonNode body;
        try {
            body = text.isBlank() ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body != null && body.hasNonNull("error") && body.get("error").asInt() != 0) {
            throw ZaloException.of(body.get("error").asInt(), body.path("message").asText(null));
        }
        if (answer.status() >= 500 || answer.status() == 429) {
            throw new ZaloException.Transient(0, "Zalo answered HTTP " + answer.status(), null);
        }
        if (answer.status() >= 400) {
            throw new ZaloException.Permanent(0, "Zalo answered HTTP " + answer.status());
        }
        if (body == null || !body.isObject()) {
            throw new ZaloException.Transient(0, "Zalo answered without a JSON object", null);
        }
        return body;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
