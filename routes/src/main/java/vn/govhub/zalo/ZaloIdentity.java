package vn.govhub.zalo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import vn.govhub.api.ApiException;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.connectors.zalo.ZaloException;
import vn.govhub.connectors.zalo.ZaloGraph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Who is calling {@code /api/v1}: the mini app sends its user's Zalo access token in a header; the hub asks Graph
 * {@code /v2.0/me} who that is and trusts the answer for a short while. The cache is keyed by a SHA-256 of the
 * token, never the token, and the token is never logged.
 */
@Component
public class ZaloIdentity {

    /** A verified mini app user of one province. */
    public record Citizen(String province, String appUserId, String name) {
    }

    private final ZaloAccounts accounts;
    private final ProvinceRegistry provinces;
    private final ZaloProperties settings;
    private final Cache<String, Citizen> verified;

    public ZaloIdentity(ZaloAccounts accounts, ProvinceRegistry provinces, ZaloProperties settings) {
        this.accounts = accounts;
        this.provinces = provinces;
        this.settings = settings;
        this.verified = Caffeine.newBuilder().expireAfterWrite(settings.identityCacheTtl()).maximumSize(100_000).build();
    }

    /** The name of the header that carries the Zalo user access token. */
    public String header() {
        return settings.identityHeader();
    }

    /**
     * Who the token is, for the province given: 401 when the token is missing or Zalo does not know it, 400 for an
     * unknown province, 503 when Zalo cannot be asked.
     */
    public Citizen require(String province, String token) {
        ZaloAccounts.Account account = account(province);
        if (token == null || token.isBlank()) {
            throw unauthorised("Missing " + settings.identityHeader() + " header (the Zalo user access token).");
        }
        String key = account.id() + ":" + sha256(token.strip());
        Citizen citizen = verified.getIfPresent(key);
        if (citizen != null) {
            return citizen;
        }
        try {
            ZaloGraph.User user = account.graph().me(token.strip());
            citizen = new Citizen(account.id(), user.id(), user.name());
        } catch (ZaloException.TokenInvalid | ZaloException.Permanent e) {
            throw unauthorised("Zalo does not accept this access token.");
        } catch (ZaloException.Transient e) {
            throw new ApiException(503, "Service Unavailable", "Zalo could not be reached to verify the user; try again.", List.of());
        }
        verified.put(key, citizen);
        return citizen;
    }

    ZaloAccounts.Account account(String provinceId) {
        if (provinceId == null) {
            List<ZaloAccounts.Account> all = accounts.all();
            if (all.size() == 1) {
                return all.get(0);
            }
            throw ApiException.invalid("province", all.isEmpty() ? "no province served here signs users in with Zalo"
                    : "is required: this hub serves several provinces");
        }
        return accounts.find(provinceId).orElseThrow(() -> ApiException.invalid("province",
                provinces.find(provinceId).map(ProvinceProperties::id).isPresent()
                        ? "province '" + provinceId + "' has no Zalo app configured" : "no province '" + provinceId + "' is served here"));
    }

    private static ApiException unauthorised(String detail) {
        return new ApiException(401, "Unauthorized", detail, List.of());
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
