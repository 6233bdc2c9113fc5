package vn.govhub.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;

/**
 * Who calls the admin API: a province operator (everything) or an agency officer (the feedback inbox of its
 * agencies only), as the security filter chain authenticated them (static bearer token or OIDC access token).
 */
public record AdminPrincipal(String name, boolean operator, Set<String> agencies) {

    public static final String OPERATOR = "OPERATOR";
    public static final String OFFICER = "OFFICER";

    /** The caller of the current admin request; the admin filter chain lets no request through without one. */
    public static AdminPrincipal of(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AdminPrincipal p) {
            return p;
        }
        throw new IllegalStateException("admin request without an admin principal: is the admin filter chain installed?");
    }

    /** Whether this caller may see and work a report of {@code agency} in {@code province}. */
    public boolean mayAct(String province, String agency) {
        return operator || agencies.contains(province + "/" + agency);
    }

    /** This principal as an authenticated Spring Security token, with the role its kind gives. */
    public Authentication authentication() {
        return new Token(this);
    }

    private static final class Token extends AbstractAuthenticationToken {
        private final AdminPrincipal principal;

        Token(AdminPrincipal principal) {
            super(AuthorityUtils.createAuthorityList("ROLE_" + (principal.operator() ? OPERATOR : OFFICER)));
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.name();
        }
    }
}
