package vn.govhub.sandbox.cases;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Clock;
import java.time.Duration;
import vn.govhub.sandbox.Responder;

/**
 * A case-handling system behind OAuth2 client credentials (iGate's Keycloak realm, an LGSP's gateway): it issues
 * bearer tokens for its one client and refuses calls without a live one (401); {@link #expireTokens()} plays tokens
 * revoked before their time.
 */
public abstract class TokenCaseSimulator extends CaseSimulator {

    private final AccessTokens tokens;
    private final String clientId;
    private final String clientSecret;

    protected TokenCaseSimulator(String name, int port, Clock clock, Duration tokenLifetime, String clientId, String clientSecret) {
        super(name, port, clock);
        this.tokens = new AccessTokens(clock, tokenLifetime);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** Tokens issued so far. */
    public int tokensIssued() {
        return tokens.issued();
    }

    /** Every token issued so far stops being accepted. */
    public void expireTokens() {
        tokens.expireAll();
    }

    @Override
    protected void resetState() {
        super.resetState();
        tokens.reset();
    }

    protected String issueToken() {
        return tokens.issue();
    }

    protected long tokenLifetimeSeconds() {
        return tokens.lifetimeSeconds();
    }

    /** Answers with {@code next} when the request carries a live bearer token, else 401 {@code invalid_token}. */
    protected Responder authorised(Responder next) {
        return request -> tokens.accepts(request.getHeader("Authorization")) ? next.respond(request) : invalidToken();
    }

    private ResponseDefinition invalidToken() {
        return json(401, JSON.createObjectNode().put("error", "invalid_token").put("error_description", "Token is not active"));
    }
}
