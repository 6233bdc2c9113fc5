package vn.govhub.dossier;

import java.util.List;
import java.util.Map;

/** What the mini app sends (JSON bodies of {@code /api/v1/dossiers}). */
public final class DossierRequests {

    private DossierRequests() {
    }

    /**
     * A dossier submission.
     *
     * @param documentCase the procedure's document case (TRƯỜNG HỢP) by name, when it has several
     * @param documents    required documents, each an upload id or (multipart) a part named by its requirement code
     * @param returnMethod DESK or POSTAL
     */
    public record Submission(String procedureCode, String documentCase, Applicant applicant, Map<String, String> answers,
                             List<DocumentRef> documents, String returnMethod, String postalAddress) {
    }

    /** @param type LoaiDoiTuong: 1 citizen (default), 2 business, 3 state agency, 4 other organisation */
    public record Applicant(String name, String idNumber, String phone, String email, String address, Integer type) {
        @Override
        public String toString() {
            return "Applicant[masked]";
        }
    }

    /** A required document: its code in the procedure's list and the uploaded file that fulfils it. */
    public record DocumentRef(String requirementCode, String uploadId) {
    }

    /** Extra documents the backend asked for. */
    public record SupplementSubmission(String note, List<DocumentRef> documents) {
    }

    /** A citizen's request to withdraw a dossier. */
    public record Withdrawal(String reason) {
    }

    /** A file that came inline (multipart part), with the SHA-256 of its content (hex), computed once. */
    public record InlineFile(String requirementCode, String fileName, String contentType, byte[] content, String sha256) {

        public static InlineFile of(String requirementCode, String fileName, String contentType, byte[] content) {
            return new InlineFile(requirementCode, fileName, contentType, content, DossierChecks.sha256(content));
        }
    }
}
