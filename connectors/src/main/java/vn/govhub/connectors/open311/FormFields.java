package vn.govhub.connectors.open311;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of a decoded form or query string, read the way Open311 clients send them: trimmed, blank as
 * absent, a single-valued field sent twice with different values refused, lists comma-separated or repeated.
 * Problems go to {@code errors}, so one answer reports all of them.
 *
 * @param refusedNames the fields present but refused, whose error is already reported
 */
record FormFields(Map<String, List<String>> form, List<Open311Error> errors, Set<String> refusedNames) {

    /** Longest accepted value of the short fields (names, phone, email, ids). */
    static final int MAX_SHORT = 255;

    FormFields(Map<String, List<String>> form, List<Open311Error> errors) {
        this(form, errors, new HashSet<>());
    }

    /** Whether {@code name} was present but refused (its error is already reported). */
    boolean refused(String name) {
        return refusedNames.contains(name);
    }

    /** The field's one value, or null when absent or refused. */
    String single(String name, int maxLength) {
        List<String> values = form.getOrDefault(name, List.of());
        List<String> distinct = values == null ? List.of() : values.stream().filter(Objects::nonNull)
                .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        if (distinct.isEmpty()) {
            return null;
        }
        if (distinct.size() > 1) {
            errors.add(Open311Error.badRequest(name + " is given more than once"));
            refusedNames.add(name);
            return null;
        }
        String value = distinct.get(0);
        if (value.length() > maxLength) {
            errors.add(Open311Error.badRequest(name + " is longer than " + maxLength + " characters"));
            refusedNames.add(name);
            return null;
        }
        return value;
    }

    /** Comma-separated values, the field possibly repeated: trimmed, blanks and repeats dropped. */
    List<String> commaList(String name) {
        List<String> values = form.getOrDefault(name, List.of());
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).flatMap(v -> Pattern.compile(",").splitAsStream(v))
                .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }
}
