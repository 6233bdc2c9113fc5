package vn.govhub.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import vn.govhub.api.Texts;
import vn.govhub.zalo.ZaloIdentity.Citizen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read models of dossiers: the citizen's own, the public tracking answer, the admin list. */
@Component
public class DossierReads {

    private final DossierStore store;
    private final Texts texts;

    public DossierReads(DossierStore store, Texts texts) {
        this.store = store;
        this.texts = texts;
    }

    public List<DossierViews.Summary> mine(Citizen citizen, int limit) {
        return store.mine(citizen.province(), citizen.appUserId(), limit).stream().map(this::summary).toList();
    }

    public DossierViews.Detail detail(DossierStore.Dossier d, boolean backendAllowsWithdrawal) {
        List<DossierStore.FileRow> files = store.files(d.id());
        List<DossierViews.Document> documents = files.stream().filter(f -> f.supplementId() == null).map(DossierReads::document).toList();
        List<DossierViews.SupplementView> supplements = store.supplements(d.id()).stream()
                .map(s -> new DossierViews.SupplementView(s.id(), s.note(), s.status(), iso(s.submittedAt()), iso(s.sentAt()),
                        files.stream().filter(f -> s.id().equals(f.supplementId())).map(DossierReads::document).toList()))
                .toList();
        List<DossierViews.Result> results = new ArrayList<>();
        for (JsonNode r : DossierLifecycle.readResults(d.results())) {
            results.add(new DossierViews.Result(r.path("name").asText(null), r.path("url").asText(null)));
        }
        List<DossierViews.Step> history = store.history(d.id()).stream()
                .map(h -> new DossierViews.Step(h.status().name(), label(h.status()), h.note(), iso(h.at()))).toList();
        boolean canWithdraw = backendAllowsWithdrawal && !d.status().ended() && d.status() != DossierStatus.RESULT_READY;
        return new DossierViews.Detail(d.id(), d.trackingCode(), d.procedureCode(), d.procedureName(), d.status().name(),
                label(d.status()), d.supplementRequest(), iso(d.appointmentAt()), iso(d.completedAt()), d.returnMethod(),
                iso(d.submittedAt()), iso(d.updatedAt()), canWithdraw, documents, supplements, results, history);
    }

    public Optional<DossierViews.Tracked> track(String code) {
        return store.byTrackingCode(code).map(d -> new DossierViews.Tracked(d.trackingCode(), d.procedureName(),
                d.status().name(), label(d.status()), iso(d.appointmentAt()), iso(d.updatedAt())));
    }

    public List<DossierViews.AdminRow> byStatus(String province, DossierStatus status, int limit) {
        return store.byStatus(province, status, limit).stream().map(d -> new DossierViews.AdminRow(d.id(), d.province(),
                d.trackingCode(), d.procedureCode(), d.status().name(), d.applicantMasked(), d.forwardFailures(),
                d.lastError(), iso(d.submittedAt()), iso(d.updatedAt()))).toList();
    }

    private DossierViews.Summary summary(DossierStore.Dossier d) {
        return new DossierViews.Summary(d.id(), d.trackingCode(), d.procedureCode(), d.procedureName(), d.status().name(),
                label(d.status()), iso(d.submittedAt()), iso(d.updatedAt()), iso(d.appointmentAt()));
    }

    private String label(DossierStatus status) {
        return texts.get(status.textKey());
    }

    private static DossierViews.Document document(DossierStore.FileRow f) {
        return new DossierViews.Document(f.id(), f.requirementCode(), f.fileName(), f.contentType(), f.size(), !f.purged());
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
