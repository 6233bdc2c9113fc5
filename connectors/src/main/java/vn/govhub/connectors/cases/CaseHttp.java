package vn.govhub.connectors.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import vn.govhub.connectors.http.BoundedHttp;
import java.time.Duration;

/**
 * The HTTP side every case-system adapter shares: one client per adapter with the configured connect timeout, the
 * read timeout as the deadline of the whole answer (at most {@link #MAX_ANSWER_BYTES}, see {@link BoundedHttp}), and
 * the error taxonomy — connect failure, timeout, 5xx, 408 and 429 are
 * {@link CaseSystemException.Transient}; an answer that is not JSON is {@link CaseSystemException.Permanent}. Other
 * statuses are returned for the adapter to judge (a 401 may mean "renew the token", a 409 "already held").
 */
final class CaseHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=UTF-8";
    /** A case system's answer is a dossier or a page of them: more than this is not one. */
    static final long MAX_ANSWER_BYTES = 8L << 20;

    /** A status and its body read as JSON (a missing body reads as an empty object). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient client;
    private final Duration readTimeout;

    CaseHttp(CaseSystemSettings settings) {
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = settings.readTimeout();
    }

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout);
    }

    static HttpRequest.BodyPublisher json(JsonNode body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new CaseSystemException.Permanent("request cannot be written", e);
        }
    }

    /** Sends and reads the answer; throws only for transient failures and unreadable answers. */
    Answer send(HttpRequest request) {
        BoundedHttp.Answer response;
        try {
            response = BoundedHttp.send(client, request, MAX_ANSWER_BYTES, readTimeout);
        } catch (BoundedHttp.TooLarge e) {
            throw new CaseSystemException.Permanent(request.uri().getPath() + ": " + e.getMessage(), e);
        } catch (HttpTimeoutException e) {
            throw new CaseSystemException.Transient("timed out after " + readTimeout, e);
        } catch (IOException e) {
            throw new CaseSystemException.Transient("unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseSystemException.Transient("interrupted", e);
        }
        int status = response.status();
        if (status >= 500 || status == 429 || status == 408) {
            throw new CaseSystemException.Transient(request.method() + " " + request.uri().getPath() + ": HTTP " + status, null);
        }
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return new Answer(status, JSON.createObjectNode());
        }
        try {
            JsonNode node = JSON.readTree(body);
            return new Answer(status, node == null ? JSON.createObjectNode() : node);
        } catch (IOException e) {
            if (status / 100 != 2) {
                return new Answer(status, JSON.createObjectNode().put("message", "HTTP " + status));
            }
            throw new CaseSystemException.Permanent(request.uri().getPath() + ": answer is not JSON", e);
        }
    }

    /** A refusal the backend will repeat: the status and the backend's own message, if it gave one. */
    static CaseSystemException.Permanent refused(String what, Answer answer) {
        JsonNode body = answer.body();
        String message = body.path("message").asText(body.path("Message").asText(body.path("error_description").asText("")));
        return new CaseSystemException.Permanent(what + " refused: HTTP " + answer.status() + (message.isBlank() ? "" : " " + message), null);
    }

    static JsonNode parseJson(byte[] body, String what) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new CaseSystemException.Permanent(what + " is not a JSON object", null);
            }
            return root;
        } catch (IOException e) {
            throw new CaseSystemException.Permanent(what + " is not JSON", e);
        }
    }
}
