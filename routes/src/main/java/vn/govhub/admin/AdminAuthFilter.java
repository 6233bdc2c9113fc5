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

/**
 * Guards {@code /admin/**}: a request must carry {@code Authorization: Bearer <govhub.admin.token>} (compared in
 * constant time). Without a configured token the admin API is off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AdminAuthFilter extends OncePerRequestFilter {

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
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), properties.token().getBytes(StandardCharsets.UTF_8))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problem(response, 401, "Unauthorized", "A valid operator token is required.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
