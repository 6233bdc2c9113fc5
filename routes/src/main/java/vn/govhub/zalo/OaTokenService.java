package vn.govhub.zalo;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.connectors.zalo.OaTokens;
import vn.govhub.connectors.zalo.Pkce;
import vn.govhub.connectors.zalo.ZaloException;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * OA access tokens that never break. The refresh token is single-use, so a refresh runs on one node at a time
 * for an OA: a Hazelcast lock keeps the other nodes waiting cheaply, and the row lock ({@code SELECT ... FOR
 * UPDATE}) makes it correct even if two nodes briefly hold the lock. Under both, the row's version is read again:
 * if another node refreshed meanwhile, its token is used and Zalo is not called. The new pair is committed before
 * the method returns, so nothing ever uses a token the database does not hold.
 */
@Service
public class OaTokenService {

    private static final Logger log = LoggerFactory.getLogger(OaTokenService.class);
    /** How long a node trusts its copy of the token before reading the row again (another node may have refreshed). */
    private static final Duration LOCAL_COPY_TTL = Duration.ofSeconds(10);
    private static final Duration CONSENT_TTL = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why there is no usable token: the OA needs an admin. */
    public static final class UnauthorisedException extends RuntimeException {
        public UnauthorisedException(String message) {
            super(message);
        }
    }

    private record LocalCopy(String accessToken, long version, Instant readAt) {
    }

    private final ZaloAccounts accounts;
    private final OaTokenStore store;
    private final TransactionTemplate transactions;
    private final IMap<String, Boolean> refreshLocks;
    private final ZaloProperties settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, LocalCopy> copies = new ConcurrentHashMap<>();

    public OaTokenService(ZaloAccounts accounts, OaTokenStore store, TransactionTemplate transactions,
                          HazelcastInstance hazelcast, ZaloProperties settings, Clock clock, MeterRegistry meters) {
        this.accounts = accounts;
        this.store = store;
        this.transactions = transactions;
        this.refreshLocks = hazelcast.getMap("govhub-zalo-refresh");
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /** A usable access token of the province's OA. */
    public String accessToken(String province) {
        LocalCopy copy = copies.get(province);
        Instant now = clock.instant();
        if (copy == null || copy.readAt().plus(LOCAL_COPY_TTL).isBefore(now)) {
            copy = reload(province);
        }
        return copy.accessToken();
    }

    /**
     * Called when Zalo refused {@code failedToken} as invalid or expired: refreshes once for the whole cluster and
     * returns the token to retry with. Many calls failing at once share one refresh.
     */
    public String afterTokenError(String province, String failedToken) {
        LocalCopy current = reload(province);
        if (!current.accessToken().equals(failedToken)) {
            return current.accessToken(); // another node (or thread) already refreshed
        }
        return refresh(province, current.version()).accessToken();
    }

    /** Refreshes OAs whose access token expires within {@code refresh-before} (the leader's scheduled task). */
    public void refreshDue() {
        for (ZaloAccounts.Account account : accounts.all()) {
            store.find(account.id()).filter(row -> row.status() == OaTokenStore.Status.AUTHORISED)
                    .filter(row -> row.accessExpiresAt().minus(account.zalo().refreshBefore()).isBefore(clock.instant()))
                    .ifPresent(row -> {
                        try {
                            refresh(account.id(), row.version());
                        } catch (RuntimeException e) {
                            log.warn("Scheduled token refresh of OA of {} failed: {}", account.id(), e.getMessage());
                        }
                    });
        }
    }

    /** Refreshes unless the row moved past {@code seenVersion} already; returns the current row. */
    OaTokenStore.OaRow refresh(String province, long seenVersion) {
        ZaloAccounts.Account account = accounts.require(province);
        boolean locked = false;
        try {
            locked = refreshLocks.tryLock(province, settings.refreshLockWait().toMillis(), TimeUnit.MILLISECONDS,
                    60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (!locked) {
                log.warn("Token refresh of OA of {}: cluster lock not obtained, relying on the row lock", province);
            }
            OaTokenStore.OaRow row;
            try {
                row = transactions.execute(tx -> {
                    OaTokenStore.OaRow current = store.findForUpdate(province)
                            .orElseThrow(() -> new UnauthorisedException("OA of " + province + " has no tokens: connect it at /admin/zalo/" + province));
                    if (current.version() != seenVersion || current.status() != OaTokenStore.Status.AUTHORISED) {
                        return current;
                    }
                    OaTokens tokens;
                    try {
                        tokens = account.oauth().refresh(current.refreshToken());
                    } catch (ZaloException.Permanent | ZaloException.TokenInvalid e) {
                        store.markUnauthorised(province, "Refresh refused by Zalo (" + e.getMessage()
                                + "). An OA admin must grant access again: POST /admin/zalo/" + province + "/consent");
                        meters.counter("govhub.zalo.token.refresh", "province", province, "outcome", "refused").increment();
                        return null;
                    }
                    store.saveTokens(province, tokens);
                    meters.counter("govhub.zalo.token.refresh", "province", province, "outcome", "refreshed").increment();
                    log.info("Access token of OA of {} refreshed (version {})", province, current.version() + 1);
                    return store.find(province).orElseThrow();
                });
            } catch (ZaloException.Transient e) {
                meters.counter("govhub.zalo.token.refresh", "province", province, "outcome", "transient").increment();
                throw e;
            }
            if (row == null) {
                copies.remove(province);
                throw new UnauthorisedException("OA of " + province + " is unauthorised: its refresh token was refused");
            }
            if (row.status() != OaTokenStore.Status.AUTHORISED) {
                throw new UnauthorisedException("OA of " + province + " is " + row.status() + ": " + row.statusDetail());
            }
            copies.put(province, new LocalCopy(row.accessToken(), row.version(), clock.instant()));
            return row;
        } finally {
            if (locked) {
                refreshLocks.unlock(province);
            }
        }
    }

    private LocalCopy reload(String province) {
        OaTokenStore.OaRow row = store.find(province)
                .orElseThrow(() -> new UnauthorisedException("OA of " + province + " has no tokens: connect it at /admin/zalo/" + province));
        if (row.status() != OaTokenStore.Status.AUTHORISED) {
            throw new UnauthorisedException("OA of " + province + " is " + row.status()
                    + (row.statusDetail() == null ? "" : ": " + row.statusDetail()));
        }
        if (!row.accessExpiresAt().isAfter(clock.instant())) {
            row = refresh(province, row.version());
        }
        LocalCopy copy = new LocalCopy(row.accessToken(), row.version(), clock.instant());
        copies.put(province, copy);
        return copy;
    }

    // ---- bootstrap by an admin

    /** A consent URL for an OA admin, with a fresh PKCE verifier kept (encrypted) until Zalo sends the code back. */
    public URI startConsent(String province) {
        ZaloAccounts.Account account = accounts.require(province);
        if (account.zalo().redirectUri() == null) {
            throw new IllegalArgumentException("zalo.redirect-uri is not configured for " + province);
        }
        Pkce pkce = Pkce.generate();
        byte[] state = new byte[24];
        RANDOM.nextBytes(state);
        String stateText = Base64.getUrlEncoder().withoutPadding().encodeToString(state);
        store.saveConsent(province, stateText, pkce.verifier());
        return account.oauth().consentUrl(account.zalo().redirectUri(), pkce.challenge(), stateText);
    }

    /** Exchanges the code Zalo sent back with {@code state}; returns the province connected. */
    public String completeConsent(String state, String code) {
        OaTokenStore.Consent consent = store.takeConsent(state)
                .filter(c -> c.createdAt().plus(CONSENT_TTL).isAfter(clock.instant()))
                .orElseThrow(() -> new IllegalArgumentException("unknown, used or expired state"));
        OaTokens tokens = accounts.require(consent.province()).oauth().exchangeCode(code, consent.verifier());
        transactions.executeWithoutResult(tx -> store.saveTokens(consent.province(), tokens));
        copies.remove(consent.province());
        log.info("OA of {} connected by consent", consent.province());
        return consent.province();
    }

    /** Adopts a refresh token an admin obtained elsewhere: refreshed at once, so the hub holds a pair only it knows. */
    public void adoptRefreshToken(String province, String refreshToken) {
        OaTokens tokens = accounts.require(province).oauth().refresh(refreshToken);
        transactions.executeWithoutResult(tx -> store.saveTokens(province, tokens));
        copies.remove(province);
        log.info("OA of {} connected with a refresh token", province);
    }
}
