package vn.govhub.connectors.agency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import vn.govhub.connectors.http.BoundedHttp;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An agency's own feedback system, reached over HTTP: the feedback is POSTed as JSON (shaped by the agency's
 * {@link AgencyFieldMapping}) to {@code baseUrl + submitPath} with header {@code Idempotency-Key: <feedbackId>}. The
 * agency answers 200/201 with its ticket id (at {@code ticketField}, default {@code id}), or 409 when it already holds
 * that key — a resend after a crash, treated as delivered. Later it calls the hub back (see {@link AgencyCallback}).
 *
 * <p>Errors: {@link AgencySystemException.Transient} for connect failures, timeouts, 5xx, 429 and 408;
 * {@link AgencySystemException.Permanent} for any other status and for an answer that cannot be read. Thread-safe.
 */
public class AgencySystem {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgencySystemSettings settings;
    private final AgencyFieldMapping mapping;
    /** An agency's answer is a ticket: a few hundred bytes. */
    static final long MAX_ANSWER_BYTES = 1L << 20;
    private final HttpClient http;
    private final URI submitUri;
    private final String[] ticketPath;

    public AgencySystem(AgencySystemSettings settings) {
        this.settings = settings;
        this.mapping = settings.mapping();
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.submitUri = URI.create(settings.submitUrl());
        this.ticketPath = settings.ticketField().split("\\.");
    }

    public AgencySystemSettings settings() {
        return settings;
    }

    /** Delivers the feedback so that the agency holds it once; safe to call again with the same feedback. */
    public Delivered deliver(AgencyFeedback feedback) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(mapping.write(feedback));
        } catch (JsonProcessingException e) {
            throw new AgencySystemException.Permanent(prefix() + "feedback cannot be written as JSON", 0, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(submitUri).timeout(settings.readTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .header(IDEMPOTENCY_HEADER, feedback.feedbackId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        authenticate(request);
        BoundedHttp.Answer response;
        try {
            response = BoundedHttp.send(http, request.build(), MAX_ANSWER_BYTES, settings.readTimeout());
        } catch (BoundedHttp.TooLarge e) {
            throw new AgencySystemException.Permanent(prefix() + e.getMessage(), 0, e);
        } catch (HttpTimeoutException e) {
            throw new AgencySystemException.Transient(prefix() + "timed out after " + settings.readTimeout(), 0, e);
        } catch (IOException e) {
            throw new AgencySystemException.Transient(prefix() + "unreachable: " + e.getClass().getSimpleName(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgencySystemException.Transient(prefix() + "interrupted", 0, e);
        }
        int status = response.status();
        if (status == 200 || status == 201) {
            String ticket = ticket(response.body(), status);
            if (ticket == null) {
                throw new AgencySystemException.Permanent(prefix() + "HTTP " + status + " answer has no ticket id at '"
                        + settings.ticketField() + "'", status, null);
            }
            return new Delivered(ticket, false);
        }
        if (status == 409) {
            String ticket;
            try {
                ticket = ticket(response.body(), status);
            } catch (AgencySystemException.Permanent e) {
                ticket = null; // it holds the feedback; a 409 page without JSON tells us nothing more
            }
            return new Delivered(ticket, true);
        }
        if (status >= 500 || status == 429 || status == 408) {
            throw new AgencySystemException.Transient(prefix() + "HTTP " + status, status, null);
        }
        throw new AgencySystemException.Permanent(prefix() + "HTTP " + status, status, null);
    }

    /** The updates in a callback body from this agency (its signature already verified). */
    public List<AgencyUpdate> parseCallback(byte[] body) {
        return AgencyCallback.parseCallback(body);
    }

    private void authenticate(HttpRequest.Builder request) {
        AgencySystemSettings.Auth auth = settings.auth();
        switch (auth.scheme()) {
            case NONE -> { }
            case BEARER -> request.header("Authorization", "Bearer " + auth.secret());
            case BASIC -> request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((auth.username() + ":" + auth.secret()).getBytes(StandardCharsets.UTF_8)));
            case API_KEY -> request.header(auth.headerName(), auth.secret());
        }
    }

    /** The ticket id at the configured path, or null when the answer has none; unreadable JSON is permanent. */
    private String ticket(byte[] body, int status) {
        if (body == null || body.length == 0) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new AgencySystemException.Permanent(prefix() + "HTTP " + status + " answer is not JSON", status, e);
        }
        if (node == null || !node.isObject()) {
            throw new AgencySystemException.Permanent(prefix() + "HTTP " + status + " answer is not a JSON object", status, null);
        }
        for (String segment : ticketPath) {
            node = node.path(segment);
        }
        if (!node.isValueNode() || node.isNull()) {
            return null;
        }
        String ticket = node.asText().trim();
        return ticket.isEmpty() ? null : ticket;
    }

    private String prefix() {
        return "agency " + settings.agency() + ": ";
    }
}
