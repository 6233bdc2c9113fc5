package vn.govhub.connectors.zalo;

import java.time.Instant;
import java.util.Objects;

/** An OA's access token, the single-use refresh token that replaces it, and when the access token expires. */
public record OaTokens(String accessToken, String refreshToken, Instant accessExpiresAt) {

    public OaTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
    }

    @Override
    public String toString() {
        return "OaTokens[expires " + accessExpiresAt + "]";
    }
}
