package vn.govhub.connectors.tthc;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how to reach the national TTHC database's integration API: every URL part, unit code and credential
 * comes from the province's configuration.
 *
 * @param unitCode           sent as the {@code dstcode} header and as {@code madonvi}
 * @param sessionExpiredCodes {@code error_code} values meaning "log in again"
 */
public record TthcSettings(String baseUrl, String authPath, String integrationPath, String unitCode, String username,
                           String password, Duration connectTimeout, Duration readTimeout, Set<Integer> sessionExpiredCodes) {

    public TthcSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(authPath, "authPath");
        Objects.requireNonNull(integrationPath, "integrationPath");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        sessionExpiredCodes = Set.copyOf(sessionExpiredCodes);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String toString() {
        return "TthcSettings[" + baseUrl + authPath + ", unit " + unitCode + ", user " + username + "]";
    }
}
