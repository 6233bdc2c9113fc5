package vn.govhub.sandbox.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Bearer tokens an OAuth2 server issued (client-credentials grant): each valid for its lifetime on the given clock. */
final class AccessTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final Clock clock;
    private final Duration lifetime;

    AccessTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String issue() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        expiries.put(token, clock.instant().plus(lifetime));
        issued.incrementAndGet();
        return token;
    }

    long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    /** Whether an {@code Authorization} header carries a bearer token issued here and not expired. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        Instant expiry = expiries.get(authorization.substring(7).trim());
        return expiry != null && clock.instant().isBefore(expiry);
    }

    int issued() {
        return issued.get();
    }

    void expireAll() {
        expiries.clear();
    }

    void reset() {
        expiries.clear();
        issued.set(0);
    }
}
