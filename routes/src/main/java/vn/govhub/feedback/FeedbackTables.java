package vn.govhub.feedback;

import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routing table of each province that takes feedback, rebuilt when its configuration changes (a reload), so
 * new rules apply to the next report while reports already routed keep their agency.
 */
@Component
public class FeedbackTables {

    private record Built(FeedbackSection config, FeedbackRouting routing) {
    }

    private final ProvinceRegistry provinces;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    public FeedbackTables(ProvinceRegistry provinces) {
        this.provinces = provinces;
    }

    /** The province, if it takes feedback now. */
    public Optional<ProvinceProperties> province(String id) {
        return id == null ? Optional.empty() : provinces.find(id).filter(p -> p.enabled() && FeedbackSection.of(p).enabled());
    }

    public Optional<FeedbackRouting> of(String provinceId) {
        return province(provinceId).map(p -> built.compute(p.id(), (id, existing) ->
                existing != null && existing.config().equals(FeedbackSection.of(p)) ? existing
                        : new Built(FeedbackSection.of(p), new FeedbackRouting(FeedbackSection.of(p)))).routing());
    }
}
