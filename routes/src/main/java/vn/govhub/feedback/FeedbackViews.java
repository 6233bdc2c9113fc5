package vn.govhub.feedback;

import java.util.List;

/** What the API answers about reports. Views for the public carry no personal data. */
public final class FeedbackViews {

    private FeedbackViews() {
    }

    public record Accepted(String id, String reference, String status, String agency, String dueAt,
                           List<PossibleDuplicate> possibleDuplicates, boolean duplicate) {
    }

    /** An open report of the same category nearby: the mini app may offer to follow it instead. */
    public record PossibleDuplicate(String reference, String title, String status, long distanceMeters, String submittedAt) {
    }

    /** The sender's own view. */
    public record Mine(String id, String reference, String category, String categoryName, String title, String description,
                       String status, String agency, String answer, String answeredAt, String dueAt, String submittedAt,
                       Double lat, @com.fasterxml.jackson.annotation.JsonProperty("long") Double lon, String address,
                       String areaCode, boolean anonymous, boolean publish, List<String> photos, List<Step> history) {
    }

    public record Step(String action, String status, String agency, String note, String at) {
    }

    /** The public board: answered reports whose senders consented, no identity, the place rounded to about 100 m. */
    public record Published(String reference, String category, String categoryName, String title, String description,
                            String status, String agency, String answer, String answeredAt, String submittedAt,
                            Double lat, @com.fasterxml.jackson.annotation.JsonProperty("long") Double lon, String areaCode,
                            Long distanceMeters) {
    }

    /** The agency inbox: the sender only when not anonymous, masked in lists. */
    public record Inboxed(String id, String reference, String province, String category, String title, String description,
                          String status, int paknState, String agency, String delivery, String claimedBy, String answer,
                          String dueAt, boolean overdue, String escalatedAt, String submittedAt, Double lat,
                          @com.fasterxml.jackson.annotation.JsonProperty("long") Double lon, String address, String areaCode,
                          String sender, int photos, String lastError, List<Step> history) {
    }
}
