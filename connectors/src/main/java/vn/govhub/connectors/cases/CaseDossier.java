package vn.govhub.connectors.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dossier (hồ sơ) as the hub forwards it to a province's case-handling system (reference: vn-egov.md §2, §3).
 * Adapters map it onto their wire shape; nothing here is specific to one backend.
 *
 * @param dossierId     the hub's id: the idempotency key every forward carries
 * @param code          the human tracking code {@code <agency>-<yyMMdd>-<counter>}, sent as the backend's dossier
 *                      code ({@code MaHoSo}, {@code DocCode}, {@code code})
 * @param summary       {@code TrichYeuHoSo}, at most 1,000 characters
 * @param appointmentAt the promised return date if the hub knows it, else null
 * @param answers       the citizen's answers to the procedure's form, by field name
 * @param supplements   supplements already sent, oldest first
 */
public record CaseDossier(
        String dossierId,
        String code,
        String procedureCode,
        String procedureName,
        String sectorCode,
        String sectorName,
        String agencyCode,
        Applicant applicant,
        String summary,
        Instant submittedAt,
        Instant appointmentAt,
        ReturnMethod returnMethod,
        String postalAddress,
        Map<String, String> answers,
        List<Document> documents,
        List<Fee> fees,
        List<Supplement> supplements) {

    public CaseDossier {
        Objects.requireNonNull(dossierId, "dossierId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(procedureCode, "procedureCode");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(returnMethod, "returnMethod");
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        documents = documents == null ? List.of() : List.copyOf(documents);
        fees = fees == null ? List.of() : List.copyOf(fees);
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
    }

    /**
     * @param type {@code LoaiDoiTuong}: 1 citizen, 2 business, 3 state agency, 4 other organisation
     */
    public record Applicant(String name, String idNumber, int type, String phone, String email, String address) {
        @Override
        public String toString() {
            return "Applicant[type " + type + "]"; // personal data stays out of logs
        }
    }

    /**
     * An attached file. {@code url} is where the backend downloads it from the hub (a signed, expiring link).
     *
     * @param requirementCode the procedure's required-document code ({@code MaThanhPhanHoSo}, {@code MAGIAYTO})
     */
    public record Document(String id, String name, String requirementCode, String contentType, long size, String url) {
    }

    public record Fee(String code, String name, long amount) {
    }

    /** Extra documents sent after the backend asked for them (national status 5). */
    public record Supplement(String id, Instant submittedAt, String note, List<Document> documents) {
        public Supplement {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /** {@code HinhThuc}: how the citizen gets the result. */
    public enum ReturnMethod {
        DESK(0), POSTAL(1);

        private final int wire;

        ReturnMethod(int wire) {
            this.wire = wire;
        }

        public int wire() {
            return wire;
        }
    }
}
