package vn.govhub.notify;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.connectors.zalo.ZaloErrors;
import vn.govhub.connectors.zalo.ZaloException;
import vn.govhub.connectors.zalo.ZaloMessages;
import vn.govhub.zalo.OaRateLimiter;
import vn.govhub.zalo.OaTokenService;
import vn.govhub.zalo.ZaloAccounts;
import vn.govhub.zalo.ZnsQuota;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends due notifications, on every node: claim (PENDING → SENDING, committed), respect the OA's cluster-wide rate,
 * call Zalo, record the outcome. What Zalo's error says decides the rest: transient → retry with backoff; token
 * → one cluster-wide refresh and one retry; unreachable by OA → the next channel; other permanent → FAILED.
 */
@Component
public class NotificationSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final NotificationStore store;
    private final NotificationPlanner planner;
    private final ZaloAccounts accounts;
    private final OaTokenService tokens;
    private final OaRateLimiter rateLimiter;
    private final ZnsQuota quota;
    private final NotificationSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ExecutorService pool;
    private final String node = UUID.randomUUID().toString();
    /** Fault injection for tests: runs after Zalo accepted a message and before the outcome is stored. */
    private volatile Runnable afterSend = () -> { };

    public NotificationSender(NotificationStore store, NotificationPlanner planner, ZaloAccounts accounts,
                              OaTokenService tokens, OaRateLimiter rateLimiter, ZnsQuota quota,
                              NotificationSettings settings, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.planner = planner;
        this.accounts = accounts;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.quota = quota;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(settings.senders(), r -> {
            Thread thread = new Thread(r, "notify-send");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends what is due; returns how many this node claimed. */
    public int sendDue() {
        List<Future<?>> sending = new ArrayList<>();
        for (NotificationStore.Notification due : store.due(settings.batch())) {
            if (store.claim(due.id(), node)) {
                sending.add(pool.submit(() -> send(due)));
            }
        }
        for (Future<?> future : sending) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("Sending a notification failed unexpectedly: {}", e.getCause().toString());
            }
        }
        return sending.size();
    }

    /** SENDING rows whose sender died: settled, never resent automatically. */
    public int settleInterrupted() {
        return store.settleInterrupted(clock.instant().minus(settings.sendingLease()));
    }

    void afterSend(Runnable hook) {
        this.afterSend = hook == null ? () -> { } : hook;
    }

    private void send(NotificationStore.Notification n) {
        ZaloAccounts.Account account = accounts.find(n.province()).orElse(null);
        if (account == null) {
            store.failed(n.id(), null, "Zalo is no longer enabled for " + n.province());
            return;
        }
        String token = null;
        try {
            rateLimiter.acquire(n.province(), account.zalo().ratePerMinute());
            token = tokens.accessToken(n.province());
            String msgId;
            try {
                msgId = call(account, n, token);
            } catch (ZaloException.TokenInvalid expired) {
                msgId = call(account, n, tokens.afterTokenError(n.province(), token));
            }
            afterSend.run();
            store.sent(n.id(), msgId);
            meters.counter("govhub.notifications", "province", n.province(), "channel", n.channel(), "outcome", "sent").increment();
        } catch (ZaloException.Permanent e) {
            onPermanent(n, e);
        } catch (ZaloException e) {
            retryLater(n, e.code(), e.getMessage());
        } catch (OaTokenService.UnauthorisedException e) {
            retryLater(n, null, e.getMessage());
        } catch (IllegalArgumentException e) {
            store.failed(n.id(), null, "Cannot be sent: " + e.getMessage());
        }
    }

    private String call(ZaloAccounts.Account account, NotificationStore.Notification n, String token) {
        if (n.channel().equals("OA")) {
            return account.messages().sendConsultation(token, n.address(), n.text(), null, List.of()).messageId();
        }
        ZaloMessages.ZnsSent sent = account.messages().sendZns(token, n.address(), n.templateId(), n.templateValues(),
                NotificationStore.trackingId(n.id()));
        sent.remainingQuota().ifPresent(left -> quota.reported(n.province(), left));
        return sent.msgId();
    }

    private void onPermanent(NotificationStore.Notification n, ZaloException.Permanent e) {
        meters.counter("govhub.notifications", "province", n.province(), "channel", n.channel(), "outcome", "failed").increment();
        if (e.code() == ZaloErrors.DAILY_QUOTA_EXCEEDED) {
            quota.exhaustedToday(n.province());
        }
        store.failed(n.id(), e.code(), e.getMessage());
        if (n.channel().equals("OA") && ZaloErrors.recipientUnreachableByOa(e.code())) {
            boolean next = planner.fallback(n);
            log.info("OA message {} not deliverable ({}); next channel planned: {}", n.id(), e.code(), next);
        } else {
            log.warn("Notification {} ({} to {}) failed: {}", n.id(), n.channel(),
                    n.channel().equals("ZNS") ? PhoneNumbers.mask(n.address()) : n.address(), e.getMessage());
        }
    }

    private void retryLater(NotificationStore.Notification n, Integer code, String error) {
        int attempts = n.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            store.failed(n.id(), code, "Gave up after " + attempts + " attempts: " + error);
            meters.counter("govhub.notifications", "province", n.province(), "channel", n.channel(), "outcome", "failed").increment();
            return;
        }
        long factor = 1L << Math.min(20, attempts - 1);
        Duration delay = settings.backoffBase().multipliedBy(factor);
        if (delay.compareTo(settings.backoffMax()) > 0) {
            delay = settings.backoffMax();
        }
        store.retryAt(n.id(), clock.instant().plus(delay), code, error);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
