package vn.govhub.connectors.open311;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service request as a client posted it ({@code POST requests.{fmt}}), checked against its service's definition
 * by {@link GeoReportRequests#parseCreate}. Texts are trimmed, blank ones are null, the description is NFC.
 *
 * @param apiKey        the client's key, not checked here (the caller authenticates); null if none was sent
 * @param serviceCode   the service asked for, known to the caller's catalogue
 * @param lat           WGS84 latitude; given with {@code lon} or not at all
 * @param lon           WGS84 longitude ({@code long} on the wire)
 * @param addressString the place as text
 * @param addressId     the place's id in the jurisdiction's address register
 * @param attributes    the values of the service's variable attributes, by attribute code, in the definition's
 *                      order; one value except for a multivaluelist
 */
public record PostedRequest(String apiKey, String serviceCode, Double lat, Double lon, String addressString,
                            String addressId, String description, String mediaUrl, String email, String deviceId,
                            String accountId, String firstName, String lastName, String phone,
                            Map<String, List<String>> attributes) {

    public PostedRequest {
        Wire.required(serviceCode, "service_code");
        Wire.checkCoordinates(lat, lon);
        if (lat == null && addressString == null && addressId == null) {
            throw new IllegalArgumentException("a location is required: lat and long, address_string or address_id");
        }
        if (description != null
                && description.codePointCount(0, description.length()) > ServiceRequest.MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description is longer than " + ServiceRequest.MAX_DESCRIPTION
                    + " characters");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNullElse(attributes, Map.<String, List<String>>of())
                .forEach((code, values) -> copy.put(code, List.copyOf(values)));
        attributes = Collections.unmodifiableMap(copy);
    }

    /** Whether the request has coordinates (else it has an address string or id). */
    public boolean hasCoordinates() {
        return lat != null;
    }

    @Override
    public String toString() {
        // names, phone, email, address and the text itself are personal data: they stay out of logs
        return "PostedRequest[service " + serviceCode + ", " + attributes.size() + " attribute(s)"
                + (mediaUrl != null ? ", media" : "") + "]";
    }
}
