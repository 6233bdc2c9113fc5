package vn.govhub.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Guards {@code /admin/**}: a request must carry {@code Authorization: Bearer <token>}, the operators' token
 * ({@code govhub.admin.token}, every resource) or an agency officer's ({@code govhub.admin.agents}, the feedback
 * inbox of its agencies only; other resources are 403). Tokens are compared in constant time. Without a configured
 * operator token the admin API is off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AdminAuthFilter extends OncePerRequestFilter {

    /** The only admin resources an agency officer may call. */
    static final String AGENCY_AREA = "/admin/feedback";

    private final AdminProperties properties;

    AdminAuthFilter(AdminProperties properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (properties.token().isEmpty()) {
            problem(response, 503, "Admin API disabled", "Set GOVHUB_ADMIN_TOKEN to enable the admin API.");
            return;
        }
        String header = request.getHeader("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
        AdminPrincipal principal = principal(given);
        if (principal == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problem(response, 401, "Unauthorized", "A valid operator token is required.");
            return;
        }
        if (!principal.operator() && !request.getRequestURI().startsWith(AGENCY_AREA)) {
            problem(response, 403, "Forbidden", "An agency officer works the feedback inbox only.");
            return;
        }
        request.setAttribute(AdminPrincipal.ATTRIBUTE, principal);
        chain.doFilter(request, response);
    }

    /** Compares with every known token (constant time each), so timing tells nothing about which matched. */
    private AdminPrincipal principal(String given) {
        byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
        AdminPrincipal found = null;
        if (!given.isEmpty() && MessageDigest.isEqual(bytes, properties.token().getBytes(StandardCharsets.UTF_8))) {
            found = new AdminPrincipal("operator", true, Set.of());
        }
        for (AdminProperties.Agent agent : properties.agents()) {
            if (agent.token() != null && !agent.token().isBlank()
                    && MessageDigest.isEqual(bytes, agent.token().getBytes(StandardCharsets.UTF_8)) && found == null) {
                found = new AdminPrincipal(agent.name(), false, Set.copyOf(agent.agencies()));
            }
        }
        return found;
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
