package vn.govhub.sandbox.agency;

import static vn.govhub.sandbox.agency.AgencyJson.answer;
import static vn.govhub.sandbox.agency.AgencyJson.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /api/feedback} and the rules it is taken under: the system may be down for maintenance (503), the
 * credentials must match the one rule set (401), an {@code Idempotency-Key} is required and a key already held is
 * refused with 409, and the configured fields must be there (400). Agencies differ in these rules, which is why
 * they are settable; what happens to a feedback once taken is {@link FeedbackLifecycle}'s.
 */
final class AgencyIntake {

    private static final List<String> DEFAULT_REQUIRED = List.of("title");

    /** The one header a request must carry, with its value. */
    private record AuthRule(String header, String value) {
        @Override
        public String toString() { // the value is a credential
            return "AuthRule[" + header + "]";
        }
    }

    private final FeedbackLifecycle lifecycle;
    private final AtomicInteger duplicatesRefused = new AtomicInteger();
    private volatile AuthRule auth; // null: no authentication asked
    private volatile List<String> requiredFields;
    private volatile boolean down;

    AgencyIntake(FeedbackLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        defaults();
    }

    void expectBearer(String token) {
        expectHeader("Authorization", "Bearer " + token);
    }

    void expectBasic(String username, String password) {
        expectHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    void expectHeader(String header, String value) {
        auth = new AuthRule(Objects.requireNonNull(header, "header"), Objects.requireNonNull(value, "value"));
    }

    void expectNoAuth() {
        auth = null;
    }

    void requireFields(List<String> paths) {
        requiredFields = paths;
    }

    void down(boolean down) {
        this.down = down;
    }

    int duplicatesRefused() {
        return duplicatesRefused.get();
    }

    void reset() {
        duplicatesRefused.set(0);
        defaults();
    }

    private void defaults() {
        expectBearer(AgencySimulator.DEFAULT_TOKEN);
        requiredFields = DEFAULT_REQUIRED;
        down = false;
    }

    ResponseDefinition submit(Request request) {
        if (down) {
            return answer(503, message("Hệ thống đang bảo trì, vui lòng thử lại sau"));
        }
        AuthRule rule = auth;
        if (rule != null && !rule.value().equals(request.getHeader(rule.header()))) {
            return answer(401, message("Thông tin xác thực không hợp lệ"));
        }
        String key = request.getHeader("Idempotency-Key");
        if (key == null || key.isBlank()) {
            return answer(400, message("Thiếu Idempotency-Key"));
        }
        JsonNode body;
        try {
            body = AgencyJson.JSON.readTree(request.getBody());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return answer(400, message("Dữ liệu phản ánh không hợp lệ"));
        }
        List<String> missing = missing(body);
        if (!missing.isEmpty()) {
            return answer(400, message("Thiếu trường bắt buộc: " + String.join(", ", missing)));
        }
        FeedbackLifecycle.Receipt receipt = lifecycle.receive(key, body);
        AgencySimulator.Held h = receipt.held();
        if (!receipt.created()) {
            duplicatesRefused.incrementAndGet();
            return answer(409, message("Phản ánh đã được tiếp nhận trước đó").put("id", h.ticketId()));
        }
        return answer(201, message(h.note()).put("id", h.ticketId()).put("state", h.state()));
    }

    /** The required dot paths that hold no non-blank value. */
    private List<String> missing(JsonNode body) {
        List<String> missing = new ArrayList<>();
        for (String path : requiredFields) {
            JsonNode value = body;
            for (String segment : path.split("\\.")) {
                value = value.path(segment);
            }
            if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
                missing.add(path);
            }
        }
        return missing;
    }
}
