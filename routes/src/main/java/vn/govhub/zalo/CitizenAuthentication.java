package vn.govhub.zalo;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.govhub.api.ApiException;

import java.util.List;

/** A mini app user whose Zalo access token the hub verified, as Spring Security holds them for the request. */
public final class CitizenAuthentication extends AbstractAuthenticationToken {

    public static final String ROLE = "CITIZEN";

    private final ZaloIdentity.Citizen citizen;

    public CitizenAuthentication(ZaloIdentity.Citizen citizen) {
        super(AuthorityUtils.createAuthorityList("ROLE_" + ROLE));
        this.citizen = citizen;
        setAuthenticated(true);
    }

    /**
     * The citizen of the current request. The citizen filter chain lets no request reach a citizen's resource
     * without one; should a rule be missing, this refuses rather than serves nobody's data.
     */
    public static ZaloIdentity.Citizen current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CitizenAuthentication c) {
            return c.citizen;
        }
        throw new ApiException(401, "Unauthorized", "A Zalo user access token is required.", List.of());
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return citizen;
    }

    @Override
    public String getName() {
        return citizen.appUserId();
    }
}
