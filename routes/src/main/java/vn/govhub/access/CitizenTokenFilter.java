package vn.govhub.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import vn.govhub.api.ApiException;
import vn.govhub.zalo.CitizenAuthentication;
import vn.govhub.zalo.ZaloIdentity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Signs in the mini app's user: a request carrying the Zalo user access token is verified with Zalo Graph (through
 * {@link ZaloIdentity}, cached briefly by the token's hash) for the province the request names ({@code ?province=}
 * or a {@code province} header). A token Zalo refuses leaves the request anonymous, with the reason kept for the
 * 401 should the resource need a citizen; Zalo being unreachable makes that a 503. The body is never read here.
 */
final class CitizenTokenFilter extends OncePerRequestFilter {

    static final String REFUSED = CitizenTokenFilter.class.getName() + ".refused";
    static final String UNAVAILABLE = CitizenTokenFilter.class.getName() + ".unavailable";

    private final ZaloIdentity identity;

    CitizenTokenFilter(ZaloIdentity identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(identity.header());
        if (token != null && !token.isBlank()) {
            try {
                ZaloIdentity.Citizen citizen = identity.require(province(request), token);
                SecurityContextHolder.getContext().setAuthentication(new CitizenAuthentication(citizen));
            } catch (ApiException e) {
                request.setAttribute(e.status() == 503 ? UNAVAILABLE : REFUSED, e.getMessage()
                        + (e.errors().isEmpty() ? "" : " " + e.errors().get(0).field() + " " + e.errors().get(0).message()));
            }
        }
        chain.doFilter(request, response);
    }

    /** From the query string only: asking the servlet for a parameter could make it read a form body. */
    static String province(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null) {
            String value = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst("province");
            if (value != null) {
                try {
                    return URLDecoder.decode(value, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return request.getHeader("province");
    }
}
