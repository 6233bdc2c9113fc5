package vn.govhub.connectors.open311;

import java.util.List;
import java.util.Locale;

/**
 * One service (request type) a jurisdiction accepts, as listed by {@code GET services.{fmt}}. For the hub a service
 * is a feedback category (phản ánh – kiến nghị: potholes, lighting, waste, ...).
 *
 * @param serviceCode unique identifier of the service, used by clients in {@code POST requests}
 * @param serviceName human-readable name
 * @param description optional longer text
 * @param metadata    whether the service has attributes: then clients read {@code GET services/{code}} first
 * @param type        how requests are handled (realtime, batch, blackbox)
 * @param keywords    tags; the wire carries them as one comma-separated string, so no keyword may contain a comma
 * @param group       optional category clustering services ("sanitation")
 */
public record Service(String serviceCode, String serviceName, String description, boolean metadata, Type type,
                      List<String> keywords, String group) {

    public Service {
        Wire.required(serviceCode, "service_code");
        Wire.required(serviceName, "service_name");
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        description = Wire.optional(description);
        group = Wire.optional(group);
        keywords = keywords == null ? List.of() : keywords.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        for (String keyword : keywords) {
            if (keyword.indexOf(',') >= 0) {
                throw new IllegalArgumentException("keyword must not contain a comma: " + keyword);
            }
        }
    }

    /** How a jurisdiction's system handles requests of a service. */
    public enum Type {
        /** Requests get a {@code service_request_id} at once. */
        REALTIME,
        /** Requests are handled later: the answer to POST is a token to exchange for the id. */
        BATCH,
        /** Requests are accepted but cannot be followed up. */
        BLACKBOX;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
