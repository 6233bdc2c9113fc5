package vn.govhub.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.govhub.catalogue.CatalogueStore;
import vn.govhub.connectors.cases.CaseDossier;
import vn.govhub.files.FileLinks;
import vn.govhub.model.Procedure;
import vn.govhub.security.DataCipher;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stored dossier as the case-system adapters see it: the applicant decrypted, the procedure's sector, agency and
 * online fees from the catalogue, the documents and supplements with their signed links.
 */
@Component
class CaseDossiers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DossierStore store;
    private final CatalogueStore catalogue;
    private final FileLinks links;
    private final DataCipher cipher;

    CaseDossiers(DossierStore store, CatalogueStore catalogue, FileLinks links, DataCipher cipher) {
        this.store = store;
        this.catalogue = catalogue;
        this.links = links;
        this.cipher = cipher;
    }

    /** The dossier as the adapters see it; {@code upToSupplement} limits supplements to those up to that one. */
    CaseDossier of(CaseBackends.Backend backend, DossierStore.Dossier d, String upToSupplement) {
        JsonNode applicant = read(cipher.decrypt(d.applicant(), "dossier.applicant"));
        Procedure procedure = catalogue.find(d.province(), d.procedureCode()).map(CatalogueStore.StoredProcedure::procedure).orElse(null);
        Procedure.Ref sector = procedure == null || procedure.sectors().isEmpty() ? null : procedure.sectors().get(0);
        Procedure.Ref agency = procedure == null || procedure.agencies().isEmpty() ? null : procedure.agencies().get(0);
        List<DossierStore.FileRow> files = store.files(d.id());
        List<CaseDossier.Document> documents = new ArrayList<>();
        for (DossierStore.FileRow f : files) {
            if (f.supplementId() == null) {
                documents.add(document(f));
            }
        }
        List<CaseDossier.Supplement> supplements = new ArrayList<>();
        for (DossierStore.Supplement s : store.supplements(d.id())) {
            if (upToSupplement == null && !"SENT".equals(s.status())) {
                continue;
            }
            supplements.add(new CaseDossier.Supplement(s.id(), s.submittedAt(), s.note(),
                    files.stream().filter(f -> s.id().equals(f.supplementId())).map(this::document).toList()));
            if (s.id().equals(upToSupplement)) {
                break;
            }
        }
        String name = applicant.path("name").asText();
        String summary = (d.procedureName() + " - " + name);
        Map<String, String> answers = readAnswers(d.answers());
        return new CaseDossier(d.id(), d.trackingCode(), d.procedureCode(), d.procedureName(),
                sector == null ? null : sector.code(), sector == null ? null : sector.name(),
                agency == null ? DossiersSection.of(backend.province()).agencyCode() : agency.code(),
                new CaseDossier.Applicant(name, applicant.path("idNumber").asText(), applicant.path("type").asInt(1),
                        applicant.path("phone").asText(null), applicant.path("email").asText(null), applicant.path("address").asText(null)),
                summary.length() > 1000 ? summary.substring(0, 1000) : summary, d.submittedAt(), d.appointmentAt(),
                "POSTAL".equals(d.returnMethod()) ? CaseDossier.ReturnMethod.POSTAL : CaseDossier.ReturnMethod.DESK,
                d.postalAddress() == null ? null : cipher.decrypt(d.postalAddress(), "dossier.postal_address"),
                answers, documents, fees(procedure), supplements);
    }

    CaseDossier.Supplement supplement(DossierStore.Dossier d, String supplementId) {
        DossierStore.Supplement s = store.supplements(d.id()).stream().filter(x -> x.id().equals(supplementId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("supplement " + supplementId + " not found"));
        return new CaseDossier.Supplement(s.id(), s.submittedAt(), s.note(), store.files(d.id()).stream()
                .filter(f -> s.id().equals(f.supplementId())).map(this::document).toList());
    }

    private CaseDossier.Document document(DossierStore.FileRow f) {
        return new CaseDossier.Document(f.id(), f.fileName(), f.requirementCode(), f.contentType(), f.size(), links.link(f.id()));
    }

    private static List<CaseDossier.Fee> fees(Procedure procedure) {
        if (procedure == null) {
            return List.of();
        }
        List<CaseDossier.Fee> fees = new ArrayList<>();
        for (Procedure.Channel channel : procedure.channels()) {
            if (channel.kind() != Procedure.ChannelKind.ONLINE) {
                continue;
            }
            for (Procedure.Duration duration : channel.durations()) {
                for (Procedure.Fee fee : duration.fees()) {
                    BigDecimal amount = fee.amount() == null ? BigDecimal.ZERO : fee.amount();
                    fees.add(new CaseDossier.Fee(fee.code(), fee.description(), amount.longValue()));
                }
            }
            break;
        }
        return fees;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> readAnswers(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable JSON in the dossier store", e);
        }
    }
}
