package vn.govhub.connectors.cases;

import vn.govhub.connectors.UpstreamFailure;

/**
 * A failed call to a case-handling system. {@link Transient} may succeed later (connect failure, timeout, 5xx,
 * 429, a session that could not be renewed right now); {@link Permanent} will not (the backend refused the
 * dossier: 4xx other than 401/408/429, a non-zero business error code, an answer that cannot be read).
 */
public abstract sealed class CaseSystemException extends RuntimeException
        permits CaseSystemException.Transient, CaseSystemException.Permanent {

    /** The upstream family ({@link vn.govhub.connectors.UpstreamFailure#upstream()}): a case-handling system. */
    public String upstream() {
        return "cases";
    }

    protected CaseSystemException(String message, Throwable cause) {
        super(message, cause);
    }

    public static final class Transient extends CaseSystemException implements UpstreamFailure.Transient {
        public Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static final class Permanent extends CaseSystemException implements UpstreamFailure.Permanent {
        public Permanent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
