package vn.govhub.feedback;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.stereotype.Component;
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
    public record Target(String province, FeedbackSection.Agency agency, AgencySystem client, CircuitBreaker breaker) {
        public FeedbackSection.AgencySystem config() {
            return agency.system();
        }
    }

    private record Built(FeedbackSection.AgencySystem config, AgencySystem client, CircuitBreaker breaker) {
    }

    private final FeedbackTables tables;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    public AgencySystems(FeedbackTables tables) {
        this.tables = tables;
    }

    /** The agency's system, if the province takes feedback and the agency has one. */
    public Optional<Target> of(String provinceId, String agencyId) {
        return tables.province(provinceId).map(p -> FeedbackSection.of(p).agency(agencyId)).filter(a -> a != null && a.system() != null)
                .map(agency -> {
                    Built b = built.compute(provinceId + "/" + agency.id(), (key, existing) -> existing != null
                            && existing.config().equals(agency.system()) ? existing
                            : new Built(agency.system(), new AgencySystem(settings(agency)), existing != null && sameBreaker(existing.config(), agency.system())
                                    ? existing.breaker() : breaker(key, agency.system())));
                    return new Target(provinceId, agency, b.client(), b.breaker());
                });
    }

    public Map<String, CircuitBreaker.State> states() {
        Map<String, CircuitBreaker.State> states = new HashMap<>();
        built.forEach((key, b) -> states.put(key, b.breaker().getState()));
        return states;
    }

    static AgencySystemSettings settings(FeedbackSection.Agency agency) {
        FeedbackSection.AgencySystem s = agency.system();
        AgencySystemSettings.Auth auth = switch (s.auth()) {
            case "bearer" -> AgencySystemSettings.Auth.bearer(s.secret());
            case "basic" -> AgencySystemSettings.Auth.basic(s.username(), s.secret());
            case "api-key" -> AgencySystemSettings.Auth.apiKey(s.headerName(), s.secret());
            default -> AgencySystemSettings.Auth.none();
        };
        return new AgencySystemSettings(agency.id(), s.baseUrl(), s.submitPath(), auth, s.connectTimeout(), s.readTimeout(),
                s.fields(), s.ticketField());
    }

    private static boolean sameBreaker(FeedbackSection.AgencySystem a, FeedbackSection.AgencySystem b) {
        return a.breakerFailures() == b.breakerFailures() && a.breakerOpen().equals(b.breakerOpen());
    }

    private static CircuitBreaker breaker(String key, FeedbackSection.AgencySystem config) {
        return config.breaker("agency-" + key);
    }
}
