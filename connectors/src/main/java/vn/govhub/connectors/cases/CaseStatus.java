package vn.govhub.connectors.cases;

import java.time.Instant;
import java.util.List;

/**
 * What a case-handling system says about one dossier, in its own terms: {@code statusCode} is the backend's raw
 * code ({@code TrangThaiHoSo} 1–10, an iGate {@code dossierStatus}, an LGSP {@code Status}); the hub maps it onto
 * its lifecycle by configuration.
 *
 * @param code          the dossier code the hub sent (the tracking code)
 * @param localCode     the backend's own code for the dossier, if it has one
 * @param nationalCode  the national code ({@code nationCode}), if known
 * @param supplementRequest what the backend asks the citizen to add, when it asks (else null)
 * @param progress      processing steps reported, oldest first (may be empty)
 * @param results       result documents, once any exist
 */
public record CaseStatus(
        String code,
        String statusCode,
        String localCode,
        String nationalCode,
        Instant appointmentAt,
        Instant completedAt,
        String supplementRequest,
        List<Progress> progress,
        List<ResultDocument> results) {

    public CaseStatus {
        progress = progress == null ? List.of() : List.copyOf(progress);
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** A processing step ({@code CapNhatTienDoHoSoMC} item, LGSP trace). */
    public record Progress(Instant at, String handler, String department, String content, String statusCode) {
    }

    public record ResultDocument(String name, String url) {
    }
}
