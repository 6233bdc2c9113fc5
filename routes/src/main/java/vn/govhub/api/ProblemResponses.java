package vn.govhub.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one shape of every refusal or failure the hub answers: {@code application/problem+json} (RFC 9457) with
 * {@code type, title, status, detail, instance, requestId} and, for invalid input, {@code errors: [{field, message}]}.
 * Written by {@link ProblemJsonAdvice} for controllers and by {@link Problems} before any controller runs.
 */
public final class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    /** The problem document of a refusal. */
    public static Map<String, Object> body(ApiException problem, String instance, Object requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("instance", instance);
        if (requestId != null) {
            body.put("requestId", requestId.toString());
        }
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        return body;
    }
}
