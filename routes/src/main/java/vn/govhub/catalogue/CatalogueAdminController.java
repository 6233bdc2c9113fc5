package vn.govhub.catalogue;

import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.config.ProvinceRegistry;

import java.util.List;
import java.util.Map;

/** Operators: trigger a catalogue sync, read the runs and a procedure's change history. */
@RestController
@RequestMapping("/admin/catalogue")
class CatalogueAdminController {

    private final ProducerTemplate camel;
    private final CatalogueStore store;
    private final ProvinceRegistry provinces;

    CatalogueAdminController(ProducerTemplate camel, CatalogueStore store, ProvinceRegistry provinces) {
        this.camel = camel;
        this.store = store;
        this.provinces = provinces;
    }

    /** Queues a sync of the province's catalogue; 202 at once, the run shows up in {@code /admin/catalogue/runs}. */
    @PostMapping("/sync")
    ResponseEntity<?> sync(@RequestParam String province) {
        if (provinces.find(province).filter(p -> p.enabled() && CatalogueSection.of(p).enabled()).isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "No enabled catalogue for province '" + province + "'.");
            problem.setProperty("errors", List.of(Map.of("field", "province", "message", "unknown or without catalogue")));
            return ResponseEntity.badRequest().body(problem);
        }
        camel.sendBodyAndHeader(CatalogueRoutes.SYNC_QUEUE, null, "province", province);
        return ResponseEntity.accepted().body(Map.of("province", province, "queued", true));
    }

    @GetMapping("/runs")
    List<CatalogueStore.Run> runs(@RequestParam(required = false) String province, @RequestParam(defaultValue = "20") int limit) {
        return store.runs(province, Math.max(1, Math.min(limit, 200)));
    }

    @GetMapping("/procedures/{province}/{code}/history")
    List<CatalogueStore.Change> history(@PathVariable String province, @PathVariable String code) {
        return store.history(province, code);
    }
}
