package vn.govhub.dossier;

import java.util.List;

/** What the API answers about dossiers. */
public final class DossierViews {

    private DossierViews() {
    }

    public record Upload(String id, String fileName, String contentType, long size, String sha256) {
    }

    /** The answer to an accepted submission (202). */
    public record Accepted(String id, String trackingCode, String status, String submittedAt, boolean duplicate) {
    }

    public record Summary(String id, String trackingCode, String procedureCode, String procedureName, String status,
                          String statusText, String submittedAt, String updatedAt, String appointmentAt) {
    }

    public record Step(String status, String statusText, String note, String at) {
    }

    public record Document(String id, String requirementCode, String fileName, String contentType, long size, boolean retained) {
    }

    public record Result(String name, String url) {
    }

    public record SupplementView(String id, String note, String status, String submittedAt, String sentAt, List<Document> documents) {
    }

    public record Detail(String id, String trackingCode, String procedureCode, String procedureName, String status,
                         String statusText, String supplementRequest, String appointmentAt, String completedAt,
                         String returnMethod, String submittedAt, String updatedAt, boolean canWithdraw,
                         List<Document> documents, List<SupplementView> supplements, List<Result> results, List<Step> history) {
    }

    /** The public answer to a tracking code: no personal data. */
    public record Tracked(String trackingCode, String procedureName, String status, String statusText, String appointmentAt,
                          String updatedAt) {
    }

    /** An admin's view: the applicant masked. */
    public record AdminRow(String id, String province, String trackingCode, String procedureCode, String status,
                           String applicant, int forwardFailures, String lastError, String submittedAt, String updatedAt) {
    }
}
