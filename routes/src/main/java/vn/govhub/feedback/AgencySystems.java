package vn.govhub.feedback;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.stereotype.Component;
import vn.govhub.upstream.Breakers;
import vn.govhub.config.FeedbackProperties;
import vn.govhub.connectors.agency.AgencySystem;
import vn.govhub.connectors.agency.AgencySystemSettings;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agencies' own feedback systems: a client per (province, agency) built from the province file, rebuilt when its
 * settings change, and a circuit breaker per system (per node).
 */
@Component
public class AgencySystems {

    /** One agency's system as the deliverer uses it. */
    public record Target(String province, FeedbackProperties.Agency agency, AgencySystem client, CircuitBreaker breaker) {
        public FeedbackProperties.AgencySystem config() {
            return agency.system();
        }
    }

    private record Built(FeedbackProperties.AgencySystem config, AgencySystem client, CircuitBreaker breaker) {
    }

    private final FeedbackTables tables;
    private final FeedbackSettings settings;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    public AgencySystems(FeedbackTables tables, FeedbackSettings settings) {
        this.tables = tables;
        this.settings = settings;
    }

    /** The agency's system, if the province takes feedback and the agency has one. */
    public Optional<Target> of(String provinceId, String agencyId) {
        return tables.province(provinceId).map(p -> p.feedback().agency(agencyId)).filter(a -> a != null && a.system() != null)
                .map(agency -> {
                    Built b = built.compute(provinceId + "/" + agency.id(), (key, existing) -> existing != null
                            && existing.config().equals(agency.system()) ? existing
                            : new Built(agency.system(), new AgencySystem(settings(agency)), existing != null ? existing.breaker() : breaker(key)));
                    return new Target(provinceId, agency, b.client(), b.breaker());
                });
    }

    public Map<String, CircuitBreaker.State> states() {
        Map<String, CircuitBreaker.State> states = new HashMap<>();
        built.forEach((key, b) -> states.put(key, b.breaker().getState()));
        return states;
    }

    static AgencySystemSettings settings(FeedbackProperties.Agency agency) {
        FeedbackProperties.AgencySystem s = agency.system();
        AgencySystemSettings.Auth auth = switch (s.auth()) {
            case "bearer" -> AgencySystemSettings.Auth.bearer(s.secret());
            case "basic" -> AgencySystemSettings.Auth.basic(s.username(), s.secret());
            case "api-key" -> AgencySystemSettings.Auth.apiKey(s.headerName(), s.secret());
            default -> AgencySystemSettings.Auth.none();
        };
        return new AgencySystemSettings(agency.id(), s.baseUrl(), s.submitPath(), auth, s.connectTimeout(), s.readTimeout(),
                s.fields(), s.ticketField());
    }

    private CircuitBreaker breaker(String key) {
        return Breakers.of("agency-" + key, settings.breakerFailures(), settings.breakerOpen());
    }
}
