package vn.govhub.connectors.open311;

import java.util.List;

/**
 * What {@link GeoReportRequests} made of a client's input: the typed value, or every problem found (not just the
 * first), each an {@link Open311Error} whose description names the field. The caller answers an {@link Invalid}
 * with the errors and stores nothing.
 */
public sealed interface Parsed<T> permits Parsed.Valid, Parsed.Invalid {

    record Valid<T>(T value) implements Parsed<T> {
        public Valid {
            if (value == null) {
                throw new IllegalArgumentException("a valid result has a value");
            }
        }
    }

    record Invalid<T>(List<Open311Error> errors) implements Parsed<T> {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result has at least one error");
            }
        }
    }
}
