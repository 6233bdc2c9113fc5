package vn.govhub.dossier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.connectors.cases.CaseSystem;
import vn.govhub.connectors.cases.CaseSystemSettings;
import vn.govhub.connectors.cases.CaseSystems;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each province's case-handling system: its adapter (built from the province file), its circuit breaker (one per
 * backend, per node) and its status mapping. Adapters are built on first use and rebuilt when the province's
 * case-system settings change (a configuration reload).
 */
@Component
public class CaseBackends {

    /** One province's backend. */
    public record Backend(ProvinceProperties province, CaseSystem system, CircuitBreaker breaker, Map<String, DossierStatus> statusMap) {

        /** The hub status a backend code maps to, if mapped. */
        public Optional<DossierStatus> map(String code) {
            return code == null ? Optional.empty() : Optional.ofNullable(statusMap.get(code.trim()));
        }
    }

    private record Built(DossiersSection.CaseSystem config, Backend backend) {
    }

    private final ProvinceRegistry provinces;
    private final DossierProperties settings;
    private final Function<CaseSystemSettings, CaseSystem> factory;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public CaseBackends(ProvinceRegistry provinces, DossierProperties settings) {
        this(provinces, settings, CaseSystems::create);
    }

    CaseBackends(ProvinceRegistry provinces, DossierProperties settings, Function<CaseSystemSettings, CaseSystem> factory) {
        this.provinces = provinces;
        this.settings = settings;
        this.factory = factory;
    }

    /** The backend of a province that accepts dossiers, else empty. */
    public Optional<Backend> of(String provinceId) {
        return provinces.find(provinceId).filter(p -> p.enabled() && DossiersSection.of(p).enabled()).map(this::backend);
    }

    public Map<String, CircuitBreaker.State> states() {
        Map<String, CircuitBreaker.State> states = new HashMap<>();
        built.forEach((id, b) -> states.put(id, b.backend().breaker().getState()));
        return states;
    }

    private Backend backend(ProvinceProperties province) {
        DossiersSection.CaseSystem config = DossiersSection.of(province).caseSystem();
        return built.compute(province.id(), (id, existing) -> existing != null && existing.config().equals(config)
                ? new Built(config, new Backend(province, existing.backend().system(), existing.backend().breaker(), existing.backend().statusMap()))
                : new Built(config, new Backend(province, factory.apply(config.settings()), breaker(id, config), statusMap(config)))).backend();
    }

    private static CircuitBreaker breaker(String province, DossiersSection.CaseSystem config) {
        return config.breaker("cases-" + province);
    }

    static Map<String, DossierStatus> statusMap(DossiersSection.CaseSystem config) {
        Map<String, String> source = config.statusMap().isEmpty() && config.shape() == CaseSystemSettings.Shape.NATIONAL
                ? DossierStatus.NATIONAL_CODES : config.statusMap();
        Map<String, DossierStatus> map = new HashMap<>();
        source.forEach((code, status) -> map.put(code.trim(), DossierStatus.valueOf(status)));
        return Map.copyOf(map);
    }
}
