package vn.govhub.catalogue;

import org.springframework.stereotype.Component;
import vn.govhub.api.ApiException.FieldProblem;
import vn.govhub.api.ApiException;
import vn.govhub.api.Params;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.model.Procedure;
import vn.govhub.search.SearchQuery;
import vn.govhub.search.SearchResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the mini app reads of the procedure catalogue: search, one procedure, sectors, form templates. */
@Component("catalogueApi")
public class CatalogueApi {

    static final int MAX_QUERY = 200;
    static final int MAX_LIMIT = 50;
    private static final Set<String> LEVELS = Set.of("CENTRAL", "PROVINCE", "DISTRICT", "COMMUNE");

    /** One procedure in full, with the province's online level and its status here. */
    public record ProcedureView(String code, String status, String onlineLevel, boolean acceptsDossiers,
                                String processingTime, String fee, String updatedAt, String withdrawnAt, Procedure procedure) {
    }

    /** A sector with the number of active procedures in it. */
    public record SectorView(String code, String name, long procedures) {
    }

    private final ProvinceRegistry provinces;
    private final CatalogueSearch search;
    private final CatalogueStore store;
    private final FormCache forms;

    public CatalogueApi(ProvinceRegistry provinces, CatalogueSearch search, CatalogueStore store, FormCache forms) {
        this.provinces = provinces;
        this.search = search;
        this.store = store;
        this.forms = forms;
    }

    public SearchResult searchProcedures(Params params) {
        List<FieldProblem> problems = new ArrayList<>();
        ProvinceProperties province = province(params, problems);
        String q = params.raw("q");
        if (q != null && q.isBlank()) {
            problems.add(new FieldProblem("q", "must not be empty; leave it out to browse"));
        } else if (q != null && q.length() > MAX_QUERY) {
            problems.add(new FieldProblem("q", "must be at most " + MAX_QUERY + " characters"));
        }
        String sector = params.text("sector");
        if (sector != null && province != null && !search.sectorCodes(province.id()).contains(sector)) {
            problems.add(new FieldProblem("sector", "no sector '" + sector + "' in this catalogue"));
        }
        String level = upper(params.text("level"));
        if (level != null && !LEVELS.contains(level)) {
            problems.add(new FieldProblem("level", "must be one of central, province, district, commune"));
        }
        String online = upper(params.text("online"));
        if (online != null) {
            try {
                OnlineLevel.valueOf(online);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("online", "must be one of full, partial, info_only"));
            }
        }
        int limit = limit(params, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        try {
            return search.search(province.id(), new SearchQuery(q, sector, level, params.text("agency"), online, false,
                    params.text("cursor"), limit));
        } catch (IllegalArgumentException badCursor) {
            throw ApiException.invalid("cursor", "is not a cursor this search gave out");
        }
    }

    public ProcedureView procedure(Params params) {
        List<FieldProblem> problems = new ArrayList<>();
        ProvinceProperties province = province(params, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String code = params.raw("code");
        CatalogueStore.StoredProcedure stored = store.find(province.id(), code)
                .orElseThrow(() -> ApiException.notFound("No procedure " + code + " in the catalogue of " + province.id() + "."));
        Procedure p = stored.procedure();
        return new ProcedureView(p.code(), stored.status(), stored.onlineLevel().name(),
                stored.active() && stored.onlineLevel().acceptsDossiers(), p.processingTimeSummary(), p.feeSummary(),
                String.valueOf(stored.updatedAt()), stored.withdrawnAt() == null ? null : stored.withdrawnAt().toString(), p);
    }

    public List<SectorView> sectors(Params params) {
        List<FieldProblem> problems = new ArrayList<>();
        ProvinceProperties province = province(params, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return search.activeSectors(province.id());
    }

    /** A form template to send: its bytes, media type and a file name safe for {@code Content-Disposition}. */
    public record FormFile(byte[] content, String contentType, String fileName) {
    }

    /** The form file of one required document. */
    public FormFile form(Params params) {
        List<FieldProblem> problems = new ArrayList<>();
        ProvinceProperties province = province(params, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String code = params.raw("code");
        String formId = params.raw("formId");
        Procedure procedure = store.find(province.id(), code).map(CatalogueStore.StoredProcedure::procedure)
                .orElseThrow(() -> ApiException.notFound("No procedure " + code + "."));
        Procedure.Document document = procedure.documents().stream().flatMap(c -> c.documents().stream())
                .filter(d -> formId.equals(d.code()) && d.formUrl() != null).findFirst()
                .orElseThrow(() -> ApiException.notFound("Procedure " + code + " has no form " + formId + "."));
        FormCache.Form form = forms.get(document.formUrl(), document.formName(), CatalogueSection.of(province).formMaxBytes());
        return new FormFile(form.content(), form.contentType(), asciiName(form.fileName(), formId));
    }

    private ProvinceProperties province(Params params, List<FieldProblem> problems) {
        String id = params.text("province");
        List<ProvinceProperties> withCatalogue = provinces.enabled().stream().filter(p -> CatalogueSection.of(p).enabled()).toList();
        if (id == null) {
            if (withCatalogue.size() == 1) {
                return withCatalogue.get(0);
            }
            problems.add(new FieldProblem("province", withCatalogue.isEmpty()
                    ? "no province served here has a procedure catalogue" : "is required: this hub serves several provinces"));
            return null;
        }
        return withCatalogue.stream().filter(p -> p.id().equals(id)).findFirst().orElseGet(() -> {
            problems.add(new FieldProblem("province", "no catalogue of province '" + id + "' is served here"));
            return null;
        });
    }

    private static int limit(Params params, List<FieldProblem> problems) {
        String text = params.text("limit");
        if (text == null) {
            return 20;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem("limit", "must be a whole number between 1 and " + MAX_LIMIT));
        return 20;
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static String asciiName(String name, String fallback) {
        String base = name == null ? fallback : vn.govhub.text.VietnameseText.fold(name).replaceAll("[^a-z0-9._-]+", "-");
        return base.isBlank() ? fallback : base;
    }
}
