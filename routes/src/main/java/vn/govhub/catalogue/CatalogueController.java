package vn.govhub.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.api.Params;
import vn.govhub.search.SearchResult;

import java.util.List;
import java.util.Map;

/** {@code /api/v1/procedures}, {@code /api/v1/sectors}: the procedure catalogue as the mini app reads it. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Procedures", description = "Administrative procedures (thủ tục hành chính) of the province")
class CatalogueController {

    private final CatalogueApi catalogue;

    CatalogueController(CatalogueApi catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/procedures")
    @Operation(summary = "Search: accents optional, one typo per word tolerated, prefix of the last word")
    SearchResult search(HttpServletRequest request,
                        @Parameter(description = "province id (optional when the hub serves one)") @RequestParam(required = false) String province,
                        @Parameter(description = "words, e.g. 'dang ky khai sinh'") @RequestParam(required = false) String q,
                        @Parameter(description = "sector code") @RequestParam(required = false) String sector,
                        @Parameter(description = "central, province, district, commune") @RequestParam(required = false) String level,
                        @Parameter(description = "implementing agency code") @RequestParam(required = false) String agency,
                        @Parameter(description = "full, partial, info_only") @RequestParam(required = false) String online,
                        @RequestParam(required = false) String cursor,
                        @Parameter(description = "1 to 50 (20)") @RequestParam(required = false) String limit) {
        return catalogue.searchProcedures(Params.of(request));
    }

    @GetMapping("/procedures/{code}")
    @Operation(summary = "One procedure: documents, forms, steps, time, fees, legal basis")
    CatalogueApi.ProcedureView one(HttpServletRequest request, @PathVariable String code,
                                   @RequestParam(required = false) String province) {
        return catalogue.procedure(Params.of(request, Map.of("code", code)));
    }

    @GetMapping("/procedures/{code}/forms/{formId}")
    @Operation(summary = "The form template file of a required document (PDF, Word, Excel or OpenDocument)")
    ResponseEntity<byte[]> form(HttpServletRequest request, @PathVariable String code,
                                @Parameter(description = "the document's code (MAGIAYTO)") @PathVariable String formId,
                                @RequestParam(required = false) String province) {
        CatalogueApi.FormFile form = catalogue.form(Params.of(request, Map.of("code", code, "formId", formId)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(form.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + form.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
                .body(form.content());
    }

    @GetMapping("/sectors")
    @Operation(summary = "Sectors (lĩnh vực) with their number of active procedures")
    List<CatalogueApi.SectorView> sectors(HttpServletRequest request, @RequestParam(required = false) String province) {
        return catalogue.sectors(Params.of(request));
    }
}
