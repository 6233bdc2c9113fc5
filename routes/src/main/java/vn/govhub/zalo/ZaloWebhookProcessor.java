package vn.govhub.zalo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.connectors.zalo.ZaloException;
import vn.govhub.connectors.zalo.ZaloWebhookEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Applies kept webhooks: follower state, interactions (they open the OA's messaging window), consented phone
 * numbers, delivery receipts, and the optional auto-reply to a tracking code. Each event is applied in one
 * transaction that also marks it done, so it takes effect once even when two nodes sweep at the same time.
 */
@Component
public class ZaloWebhookProcessor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZaloWebhookProcessor.class);
    /** How long a receipt may wait for the message it acknowledges to be recorded as sent. */
    private static final java.time.Duration RECEIPT_PATIENCE = java.time.Duration.ofMinutes(10);

    /** A receipt that arrived before its message's SENT was committed. */
    private static final class NotYet extends RuntimeException {
        NotYet() {
            super(null, null, false, false);
        }
    }

    private final ZaloWebhookStore webhooks;
    private final ZaloUsers users;
    private final DeliveryReceipts receipts;
    private final TransactionTemplate transactions;
    private final ZaloAccounts accounts;
    private final OaTokenService tokens;
    private final OaRateLimiter rateLimiter;
    private final ObjectProvider<TrackingCodeReplies> replies;
    private final ZaloProperties settings;
    private final Clock clock;
    private final ExecutorService soon = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "zalo-webhook");
        thread.setDaemon(true);
        return thread;
    });

    public ZaloWebhookProcessor(ZaloWebhookStore webhooks, ZaloUsers users, DeliveryReceipts receipts,
                                TransactionTemplate transactions, ZaloAccounts accounts, OaTokenService tokens,
                                OaRateLimiter rateLimiter, ObjectProvider<TrackingCodeReplies> replies,
                                ZaloProperties settings, Clock clock) {
        this.webhooks = webhooks;
        this.users = users;
        this.receipts = receipts;
        this.transactions = transactions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.replies = replies;
        this.settings = settings;
        this.clock = clock;
    }

    /** Processes the event shortly, off the request thread; the sweep catches it if this node dies first. */
    void processSoon(long id) {
        try {
            soon.execute(() -> process(id));
        } catch (RejectedExecutionException shuttingDown) {
            // left RECEIVED: the next sweep, here or on another node, takes it
        }
    }

    /** The periodic sweep (every node): events left waiting. */
    public int sweep() {
        List<Long> waiting = webhooks.waiting(settings.webhookBatch());
        waiting.forEach(this::process);
        return waiting.size();
    }

    void process(long id) {
        Optional<ZaloWebhookStore.Stored> stored = webhooks.find(id);
        if (stored.isEmpty()) {
            return;
        }
        ZaloWebhookEvent event = ZaloWebhookEvent.parse(stored.get().body(), stored.get().fromZns());
        String province = stored.get().province();
        Optional<Reply> reply;
        try {
            reply = transactions.execute(tx -> webhooks.claim(id) ? apply(province, event) : Optional.<Reply>empty());
        } catch (NotYet later) {
            return; // rolled back: still RECEIVED
        } catch (RuntimeException e) {
            log.warn("Zalo webhook {} ({}) could not be applied: {}", id, event.eventName(), e.toString());
            webhooks.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        reply.ifPresent(r -> sendReply(province, r.oaUserId(), r.text()));
    }

    /** An auto-reply to send once the event's transaction has committed. */
    private record Reply(String oaUserId, String text) {
    }

    private Optional<Reply> apply(String province, ZaloWebhookEvent event) {
        Instant at = event.sentAt() == null ? clock.instant() : event.sentAt();
        String name = event.eventName();
        if (event.isOaEcho()) {
            return Optional.empty(); // the OA's own messages: never answered, never counted as the citizen's interaction
        }
        switch (name) {
            case "follow", "unfollow" -> {
                ZaloUsers.ZaloUser user = users.upsert(province, event.followerId(), event.userIdByApp());
                users.following(user.id(), name.equals("follow"), at);
            }
            case "user_received_message" -> {
                Instant deliveredAt = parseMillis(event.deliveryTime()).orElse(at);
                int marked = receipts.delivered(province, event.fromZns() ? event.trackingId() : null,
                        event.msgId(), deliveredAt);
                if (marked == 0 && !event.fromZns() && at.isAfter(clock.instant().minus(RECEIPT_PATIENCE))) {
                    // the receipt overtook the commit of the message id it refers to: try again at the next sweep
                    throw new NotYet();
                }
            }
            case "user_seen_message" -> {
                // read receipts change nothing the hub tracks
            }
            case "user_submit_info" -> {
                ZaloUsers.ZaloUser user = users.upsert(province, event.senderId(), event.userIdByApp());
                users.interacted(user.id(), at);
                if (event.infoPhone() != null && PhoneNumbers.isValid(event.infoPhone())) {
                    users.consentedPhone(user.id(), PhoneNumbers.toZalo(event.infoPhone()), event.infoName(), at);
                }
            }
            default -> {
                if (name.startsWith("user_") && event.senderId() != null) {
                    ZaloUsers.ZaloUser user = users.upsert(province, event.senderId(), event.userIdByApp());
                    users.interacted(user.id(), at);
                    TrackingCodeReplies answering = replies.getIfAvailable();
                    if (name.equals("user_send_text") && event.text() != null && answering != null
                            && accounts.find(province).filter(a -> a.zalo().autoReply()).isPresent()) {
                        return answering.replyTo(province, event.text()).map(text -> new Reply(event.senderId(), text));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void sendReply(String province, String oaUserId, String text) {
        ZaloAccounts.Account account = accounts.require(province);
        try {
            rateLimiter.acquire(province, account.zalo().ratePerMinute());
            String token = tokens.accessToken(province);
            try {
                account.messages().sendConsultation(token, oaUserId, text, null, List.of());
            } catch (ZaloException.TokenInvalid e) {
                account.messages().sendConsultation(tokens.afterTokenError(province, token), oaUserId, text, null, List.of());
            }
        } catch (RuntimeException e) {
            log.warn("Auto-reply on the OA of {} failed: {}", province, e.getMessage());
        }
    }

    private static Optional<Instant> parseMillis(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(text.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        soon.shutdown();
    }
}
