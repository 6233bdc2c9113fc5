package vn.govhub.notify;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.connectors.UpstreamFailure;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.connectors.zalo.ZaloErrors;
import vn.govhub.connectors.zalo.ZaloException;
import vn.govhub.connectors.zalo.ZaloMessages;
import vn.govhub.platform.outbox.DeliveryEngine;
import vn.govhub.platform.outbox.DeliveryHandler;
import vn.govhub.platform.outbox.Failure;
import vn.govhub.platform.outbox.RetryPolicy;
import vn.govhub.platform.outbox.Route;
import vn.govhub.platform.outbox.Work;
import vn.govhub.zalo.OaRateLimiter;
import vn.govhub.zalo.OaTokenService;
import vn.govhub.zalo.ZaloAccounts;
import vn.govhub.zalo.ZnsQuota;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends due notifications through the delivery engine, on every node, {@code senders} at a time, at most once: each
 * is SENDING, committed, before Zalo is called, waits for the OA's cluster-wide rate, and uses the OA's token (one
 * refresh and one retry when Zalo says it expired). Zalo's error decides: transient → retried with backoff up to
 * {@code max-attempts}; permanent → FAILED with the code, and an OA message the citizen cannot receive tries the next
 * channel; a send whose outcome is unknown stays SENDING and is settled, not resent.
 */
@Component
public class NotificationSender implements DeliveryHandler<NotificationStore.Notification, ZaloAccounts.Account, String>,
        AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final NotificationStore store;
    private final NotificationPlanner planner;
    private final ZaloAccounts accounts;
    private final OaTokenService tokens;
    private final OaRateLimiter rateLimiter;
    private final ZnsQuota quota;
    private final NotificationProperties settings;
    private final ExecutorService pool;
    private final DeliveryEngine<NotificationStore.Notification, ZaloAccounts.Account, String> engine;
    /** Fault injection for tests: runs after Zalo accepted a message and before the outcome is stored. */
    private volatile Runnable afterSend = () -> { };

    public NotificationSender(NotificationStore store, NotificationPlanner planner, ZaloAccounts accounts,
                              OaTokenService tokens, OaRateLimiter rateLimiter, ZnsQuota quota,
                              NotificationProperties settings, TransactionTemplate transactions, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.planner = planner;
        this.accounts = accounts;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.quota = quota;
        this.settings = settings;
        this.pool = Executors.newFixedThreadPool(settings.senders(), r -> {
            Thread thread = new Thread(r, "notify-send");
            thread.setDaemon(true);
            return thread;
        });
        this.engine = new DeliveryEngine<>(new DeliveryEngine.Spec("notify-send", DeliveryEngine.Guarantee.AT_MOST_ONCE, false,
                settings.batch(), settings.sendingLease(), "govhub.notifications", NotificationSender::outcome, pool),
                new NotificationWork(store), this, transactions, clock, meters);
    }

    /** The names this flow's metric has always used: sent and failed. */
    private static String outcome(String engineOutcome) {
        return switch (engineOutcome) {
            case "delivered" -> "sent";
            case "refused", "gave_up" -> "failed";
            default -> null;
        };
    }

    /** Sends what is due; returns how many this node claimed. */
    public int sendDue() {
        return engine.runOnce().claimed();
    }

    /** SENDING rows whose sender died: settled, never resent automatically. */
    public int settleInterrupted() {
        return engine.settleInterrupted();
    }

    void afterSend(Runnable hook) {
        this.afterSend = hook == null ? () -> { } : hook;
    }

    @Override
    public Route<ZaloAccounts.Account> route(Work<NotificationStore.Notification> work) {
        return accounts.find(work.payload().province()).<Route<ZaloAccounts.Account>>map(a -> new Route.To<>(a, null))
                .orElseGet(() -> new Route.Dead<>("Zalo is no longer enabled for " + work.payload().province()));
    }

    @Override
    public String call(Work<NotificationStore.Notification> work, ZaloAccounts.Account account) {
        NotificationStore.Notification n = work.payload();
        rateLimiter.acquire(n.province(), account.zalo().ratePerMinute());
        String token = tokens.accessToken(n.province());
        String msgId;
        try {
            msgId = send(account, n, token);
        } catch (ZaloException.TokenInvalid expired) {
            msgId = send(account, n, tokens.afterTokenError(n.province(), token));
        }
        afterSend.run();
        return msgId;
    }

    private String send(ZaloAccounts.Account account, NotificationStore.Notification n, String token) {
        if (n.channel().equals("OA")) {
            return account.messages().sendConsultation(token, n.address(), n.text(), null, List.of()).messageId();
        }
        ZaloMessages.ZnsSent sent = account.messages().sendZns(token, n.address(), n.templateId(), n.templateValues(),
                NotificationStore.trackingId(n.id()));
        sent.remainingQuota().ifPresent(left -> quota.reported(n.province(), left));
        return sent.msgId();
    }

    @Override
    public Failure classify(Exception failure) {
        if (failure instanceof ZaloException e) {
            return new Failure(e instanceof UpstreamFailure.Permanent ? Failure.Kind.PERMANENT : Failure.Kind.TRANSIENT, e.getMessage(), e.code());
        }
        if (failure instanceof OaTokenService.UnauthorisedException) {
            return Failure.transientFailure(failure.getMessage());
        }
        if (failure instanceof IllegalArgumentException) {
            return Failure.permanent("Cannot be sent: " + failure.getMessage());
        }
        return Failure.unknown(failure.toString());
    }

    @Override
    public void delivered(Work<NotificationStore.Notification> work, ZaloAccounts.Account account, String msgId) {
        store.sent(work.id(), msgId);
    }

    @Override
    public RetryPolicy retryPolicy(ZaloAccounts.Account account) {
        return new RetryPolicy(settings.maxAttempts(), settings.backoffBase(), settings.backoffMax(), settings.backoffJitter(),
                Duration.ZERO);
    }

    @Override
    public void afterDeadLettered(Work<NotificationStore.Notification> work, ZaloAccounts.Account account, Failure why) {
        NotificationStore.Notification n = work.payload();
        if (why.code() != null && why.code() == ZaloErrors.DAILY_QUOTA_EXCEEDED) {
            quota.exhaustedToday(n.province());
        }
        if (account != null && why.code() != null && n.channel().equals("OA") && ZaloErrors.recipientUnreachableByOa(why.code())) {
            boolean next = planner.fallback(n);
            log.info("OA message {} not deliverable ({}); next channel planned: {}", n.id(), why.code(), next);
        } else {
            log.warn("Notification {} ({} to {}) failed: {}", n.id(), n.channel(),
                    n.channel().equals("ZNS") ? PhoneNumbers.mask(n.address()) : n.address(), why.message());
        }
    }

    @Override
    public String[] tags(Work<NotificationStore.Notification> work, ZaloAccounts.Account account) {
        return new String[] {"province", work.payload().province(), "channel", work.payload().channel()};
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
