package vn.govhub.connectors.cases;

/** The adapter for a province's case-handling system, by its configured shape. */
public final class CaseSystems {

    private CaseSystems() {
    }

    public static CaseSystem create(CaseSystemSettings settings) {
        return switch (settings.shape()) {
            case NATIONAL -> new NationalCaseSystem(settings);
            case IGATE, LGSP -> throw new IllegalArgumentException("case-system shape " + settings.shape()
                    + " is not available in this build");
        };
    }
}
