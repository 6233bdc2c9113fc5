package vn.govhub.api;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;

/**
 * The named inputs of one request, path variables first, then query parameters: what the API's readers ask for by
 * name, so they check and word their refusals the same whichever way a value came in.
 */
@FunctionalInterface
public interface Params {

    /** The value as sent, or null. */
    String raw(String name);

    /** The value without surrounding blanks; null when absent or blank. */
    default String text(String name) {
        String value = raw(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Params of(HttpServletRequest request, Map<String, String> path) {
        return name -> path.containsKey(name) ? path.get(name) : request.getParameter(name);
    }

    static Params of(HttpServletRequest request) {
        return request::getParameter;
    }
}
