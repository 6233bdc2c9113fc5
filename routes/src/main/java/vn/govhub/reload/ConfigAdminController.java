package vn.govhub.reload;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.api.ApiException;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;

import java.util.List;
import java.util.Map;

/**
 * {@code /admin/config}: the running configuration's hash and provinces, and a reload of the province files on every
 * node. A file that fails validation is a 422 naming the file, the key and the reason; the running configuration stays.
 */
@RestController
@RequestMapping("/admin/config")
class ConfigAdminController {

    private final ConfigReloader reloader;
    private final ProvinceRegistry registry;

    ConfigAdminController(ConfigReloader reloader, ProvinceRegistry registry) {
        this.reloader = reloader;
        this.registry = registry;
    }

    @GetMapping
    Map<String, Object> current() {
        ProvinceRegistry.Snapshot snapshot = registry.snapshot();
        return Map.of("hash", snapshot.hash(), "loadedAt", snapshot.loadedAt().toString(),
                "provinces", snapshot.provinces().stream().map(ProvinceProperties::id).toList(), "changedOnDisk", registry.changedOnDisk());
    }

    @PostMapping("/reload")
    ResponseEntity<ConfigReloader.Outcome> reload() {
        ConfigReloader.Outcome outcome = reloader.reloadEverywhere();
        if (!outcome.applied()) {
            throw new ApiException(422, "Invalid configuration", outcome.error() + " (the running configuration stays)", List.of());
        }
        return ResponseEntity.ok(outcome);
    }
}
