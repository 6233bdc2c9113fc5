package vn.govhub.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** What the mini app sends (JSON, or the {@code feedback} part of a multipart request whose other parts are photos). */
public final class FeedbackRequests {

    private FeedbackRequests() {
    }

    /**
     * A report.
     *
     * @param anonymous     the agency sees no identity; the citizen still gets the answer
     * @param publish       consent to show the report and its answer on the public board (without personal data)
     * @param shareLocation keep the photos' GPS metadata (else it is removed)
     * @param attributes    answers to the category's extra questions, by attribute code
     */
    public record Submission(String category, String title, String description, Location location, Boolean anonymous,
                             Boolean publish, Boolean shareLocation, Contact contact, Map<String, Object> attributes) {
    }

    /** A place: a position, or an address (optionally with its commune/ward code). */
    public record Location(Double lat, @JsonProperty("long") Double lon, String address, String areaCode) {
    }

    /** How the agency may reach the sender (ignored when anonymous); the name defaults to the Zalo name. */
    public record Contact(String name, String phone, String email) {
        @Override
        public String toString() {
            return "Contact[***]";
        }
    }

    /** A photo part as received. */
    public record Photo(String name, String declaredType, byte[] content) {
    }

    /** An inbox step: a reply, a transfer (with its target), a rejection or a closing note. */
    public record Step(String answer, String agency, String reason, String note) {
    }
}
