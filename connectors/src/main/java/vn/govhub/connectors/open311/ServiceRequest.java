package vn.govhub.connectors.open311;

import java.time.Instant;
import java.util.Locale;

/**
 * A service request (for the hub: one feedback, phản ánh) as clients read it from {@code GET requests.{fmt}} and
 * {@code GET requests/{id}.{fmt}}. Datetimes are instants here; the writer renders them with the jurisdiction's
 * offset. Optional fields are null and are left out of both renderings.
 *
 * @param serviceRequestId  the request's id (required)
 * @param status            open or closed (required)
 * @param statusNotes       why the status is what it is
 * @param serviceName       name of the request's service
 * @param serviceCode       code of the request's service (required)
 * @param description       what the citizen wrote, at most {@value #MAX_DESCRIPTION} characters
 * @param agencyResponsible the agency handling it
 * @param serviceNotice     what is expected to happen
 * @param requestedAt       {@code requested_datetime}: when it was submitted (required)
 * @param updatedAt         {@code updated_datetime}: last change; for a closed request, when it was closed
 * @param expectedAt        {@code expected_datetime}: when it is expected to be dealt with
 * @param address           human-readable place, most specific first
 * @param addressId         id in the jurisdiction's address register
 * @param zipcode           postal code
 * @param lat               WGS84 latitude; given with {@code lon} or not at all
 * @param lon               WGS84 longitude ({@code long} on the wire)
 * @param mediaUrl          absolute http(s) link to a photo or other media
 */
public record ServiceRequest(String serviceRequestId, Status status, String statusNotes, String serviceName,
                             String serviceCode, String description, String agencyResponsible, String serviceNotice,
                             Instant requestedAt, Instant updatedAt, Instant expectedAt, String address,
                             String addressId, String zipcode, Double lat, Double lon, String mediaUrl) {

    /** The specification's limit on a request's description, in characters. */
    public static final int MAX_DESCRIPTION = 4000;

    public ServiceRequest {
        Wire.required(serviceRequestId, "service_request_id");
        Wire.required(serviceCode, "service_code");
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        if (requestedAt == null) {
            throw new IllegalArgumentException("requested_datetime is required");
        }
        statusNotes = Wire.optional(statusNotes);
        serviceName = Wire.optional(serviceName);
        description = Wire.optional(description);
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        agencyResponsible = Wire.optional(agencyResponsible);
        serviceNotice = Wire.optional(serviceNotice);
        address = Wire.optional(address);
        addressId = Wire.optional(addressId);
        zipcode = Wire.optional(zipcode);
        Wire.checkCoordinates(lat, lon);
        mediaUrl = Wire.optional(mediaUrl);
        if (mediaUrl != null && !Wire.isWebUri(mediaUrl)) {
            throw new IllegalArgumentException("media_url must be an absolute http(s) URL");
        }
    }

    /** A request's state as Open311 sees it: anything not finished is open. */
    public enum Status {
        OPEN, CLOSED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @throws IllegalArgumentException unless {@code value} is {@code open} or {@code closed} (any case)
         */
        public static Status ofWire(String value) {
            if (value != null) {
                for (Status status : values()) {
                    if (status.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
                        return status;
                    }
                }
            }
            throw new IllegalArgumentException("status must be open or closed, not " + value);
        }
    }
}
