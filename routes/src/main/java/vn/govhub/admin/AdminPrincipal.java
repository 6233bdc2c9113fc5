package vn.govhub.admin;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/**
 * Who calls the admin API: a province operator (everything) or an agency officer (the feedback inbox of its
 * agencies only). Set on the request by the admin filter.
 */
public record AdminPrincipal(String name, boolean operator, Set<String> agencies) {

    static final String ATTRIBUTE = "govhub.adminPrincipal";

    public static AdminPrincipal of(HttpServletRequest request) {
        Object principal = request.getAttribute(ATTRIBUTE);
        if (principal instanceof AdminPrincipal p) {
            return p;
        }
        throw new IllegalStateException("admin request without a principal: is the admin filter installed?");
    }

    /** Whether this caller may see and work a report of {@code agency} in {@code province}. */
    public boolean mayAct(String province, String agency) {
        return operator || agencies.contains(province + "/" + agency);
    }
}
