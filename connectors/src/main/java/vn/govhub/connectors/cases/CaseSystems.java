package vn.govhub.connectors.cases;

import java.time.Clock;

/** The adapter for a province's case-handling system, by its configured shape. */
public final class CaseSystems {

    private CaseSystems() {
    }

    public static CaseSystem create(CaseSystemSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    /** {@code clock} decides when OAuth2 tokens (iGate, LGSP) are renewed. */
    public static CaseSystem create(CaseSystemSettings settings, Clock clock) {
        return switch (settings.shape()) {
            case NATIONAL -> new NationalCaseSystem(settings);
            case IGATE -> new IGateCaseSystem(settings, clock);
            case LGSP -> new LgspCaseSystem(settings, clock);
        };
    }
}
