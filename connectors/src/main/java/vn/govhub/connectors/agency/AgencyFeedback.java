package vn.govhub.connectors.agency;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A citizen's feedback (phản ánh – kiến nghị, PAKN; vn-egov.md §4) as the hub forwards it to the agency responsible
 * for it. Adapters map it onto the agency's JSON with an {@link AgencyFieldMapping}; nothing here is specific to one
 * agency.
 *
 * @param feedbackId  the hub's id: the idempotency key every delivery carries
 * @param code        the reference code the citizen sees
 * @param submittedAt when the citizen sent it
 * @param dueAt       when the agency's answer is due (the SLA), null if the category sets none
 * @param location    where the problem is, null if the citizen gave no place
 * @param photos      the citizen's photos as signed hub download links, in the citizen's order
 * @param citizen     who sent it; always null when {@code anonymous} (an anonymous sender's identity is never
 *                    forwarded, whatever the caller passed)
 */
public record AgencyFeedback(
        String feedbackId,
        String code,
        String categoryCode,
        String categoryName,
        String title,
        String description,
        Instant submittedAt,
        Instant dueAt,
        Location location,
        List<Photo> photos,
        Citizen citizen,
        boolean anonymous) {

    public AgencyFeedback {
        requireText(feedbackId, "feedbackId");
        requireText(code, "code");
        requireText(categoryCode, "categoryCode");
        Objects.requireNonNull(submittedAt, "submittedAt");
        photos = photos == null ? List.of() : List.copyOf(photos);
        citizen = anonymous ? null : citizen;
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }

    @Override
    public String toString() { // the description and the citizen may carry personal data: ids only
        return "AgencyFeedback[" + feedbackId + " " + code + ", category " + categoryCode + ", " + photos.size()
                + " photos" + (anonymous ? ", anonymous" : "") + "]";
    }

    /**
     * Where the problem is: a point, an address text, or both.
     *
     * @param areaCode the commune/ward (xã/phường) code the hub routed on, if known
     */
    public record Location(Double lat, Double lon, String address, String areaCode) {

        public Location {
            if ((lat == null) != (lon == null)) {
                throw new IllegalArgumentException("lat and lon go together");
            }
            if (lat != null && (lat < -90 || lat > 90 || lon < -180 || lon > 180)) {
                throw new IllegalArgumentException("not a coordinate: " + lat + "," + lon);
            }
        }

        @Override
        public String toString() { // an address can point at a home
            return "Location[area " + areaCode + "]";
        }
    }

    /** A photo the agency downloads from the hub with the signed {@code url}. */
    public record Photo(String id, String contentType, long size, String url) {

        public Photo {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() { // the signed link is a credential for the file
            return "Photo[" + id + ", " + contentType + ", " + size + " bytes]";
        }
    }

    /** The sender, when not anonymous; either part may be null. */
    public record Citizen(String name, String phone) {

        @Override
        public String toString() {
            return "Citizen[…]"; // personal data stays out of logs
        }
    }
}
