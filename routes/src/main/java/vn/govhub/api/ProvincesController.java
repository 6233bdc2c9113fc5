package vn.govhub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;

import java.util.List;

/** {@code /api/v1/provinces}: the provinces this hub serves. */
@RestController
@RequestMapping("/api/v1/provinces")
@Tag(name = "Provinces", description = "Provinces served by this hub")
class ProvincesController {

    /** What the mini app needs of a province. */
    record ProvinceView(String id, String name) {
        static ProvinceView of(ProvinceProperties p) {
            return new ProvinceView(p.id(), p.name());
        }
    }

    private final ProvinceRegistry provinces;

    ProvincesController(ProvinceRegistry provinces) {
        this.provinces = provinces;
    }

    @GetMapping
    @Operation(summary = "The enabled provinces")
    List<ProvinceView> list() {
        return provinces.enabled().stream().map(ProvinceView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One province by id")
    ProvinceView one(@PathVariable String id) {
        return provinces.find(id).filter(ProvinceProperties::enabled).map(ProvinceView::of)
                .orElseThrow(() -> ApiException.notFound("No province '" + id + "' is served here."));
    }
}
