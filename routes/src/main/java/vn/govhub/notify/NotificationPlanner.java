package vn.govhub.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.connectors.zalo.PhoneNumbers;
import vn.govhub.platform.outbox.DeliveryEngine;
import vn.govhub.platform.outbox.DeliveryHandler;
import vn.govhub.platform.outbox.Failure;
import vn.govhub.platform.outbox.Outbox;
import vn.govhub.platform.outbox.RetryPolicy;
import vn.govhub.platform.outbox.Route;
import vn.govhub.platform.outbox.Work;
import vn.govhub.zalo.ZaloAccounts;
import vn.govhub.zalo.ZaloSection;
import vn.govhub.zalo.ZaloUsers;
import vn.govhub.zalo.ZnsQuota;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns published events into notifications by the province's channel policy: an OA message by user id when the
 * citizen follows the OA and is inside its interaction window, else a ZNS template by phone when a consented phone
 * and an approved template exist, else a recorded "undeliverable". Each event is planned in one transaction with
 * its outbox entry marked done, so it becomes notifications exactly once.
 */
@Component
public class NotificationPlanner implements DeliveryHandler<JsonNode, String, NotificationEvent> {

    private static final Logger log = LoggerFactory.getLogger(NotificationPlanner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(1);
    private static final RetryPolicy PLAN_ONCE = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO);

    private final Outbox outbox;
    private final NotificationStore store;
    private final NotificationTemplates templates;
    private final ZaloAccounts accounts;
    private final ZaloUsers users;
    private final ZnsQuota quota;
    private final TransactionTemplate transactions;
    private final NotificationProperties settings;
    private final Clock clock;
    private final DeliveryEngine<JsonNode, String, NotificationEvent> engine;

    public NotificationPlanner(Outbox outbox, NotificationStore store, NotificationTemplates templates,
                               ZaloAccounts accounts, ZaloUsers users, ZnsQuota quota, TransactionTemplate transactions,
                               NotificationProperties settings, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.store = store;
        this.templates = templates;
        this.accounts = accounts;
        this.users = users;
        this.quota = quota;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.engine = new DeliveryEngine<>(new DeliveryEngine.Spec("notify-plan", DeliveryEngine.Guarantee.AT_LEAST_ONCE, false,
                settings.batch(), CLAIM_LEASE, "govhub.notification.events", o -> o, null), outbox.work(NotificationEvents.TOPIC),
                this, transactions, clock, meters);
    }

    /** Plans due events; returns how many were planned. */
    public int planDue() {
        return engine.runOnce().delivered();
    }

    // the planning of one event as delivery-engine work: no upstream, one attempt, dead-lettered if it cannot be planned

    @Override
    public Route<String> route(Work<JsonNode> work) {
        return new Route.To<>(work.payload().path("province").asText(), null);
    }

    @Override
    public NotificationEvent call(Work<JsonNode> work, String province) {
        return NotificationEvents.read(work.payload().toString());
    }

    @Override
    public Failure classify(Exception failure) {
        return Failure.hub(failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    @Override
    public void delivered(Work<JsonNode> work, String province, NotificationEvent event) {
        plan(event);
    }

    @Override
    public RetryPolicy retryPolicy(String province) {
        return PLAN_ONCE;
    }

    @Override
    public String[] tags(Work<JsonNode> work, String province) {
        return new String[] {"province", province};
    }

    void plan(NotificationEvent event) {
        Optional<ZaloAccounts.Account> account = accounts.find(event.province());
        if (account.isEmpty()) {
            store.create(undeliverable(event, "Zalo is not enabled for province " + event.province()));
            return;
        }
        Optional<NotificationStore.NewNotification> chosen = choose(event, account.get(), null);
        store.create(chosen.orElseGet(() -> undeliverable(event,
                "No channel reaches the citizen: not an OA follower inside the interaction window, and no consented "
                        + "phone with an approved ZNS template for '" + event.kind() + "'")));
    }

    /** The OA message failed for a reason another channel may overcome: plan the next channel, if any. */
    boolean fallback(NotificationStore.Notification failed) {
        Optional<ZaloAccounts.Account> account = accounts.find(failed.province());
        if (account.isEmpty()) {
            return false;
        }
        NotificationEvent event = new NotificationEvent(failed.eventId(), failed.province(), failed.kind(),
                failed.recipient(), null, failed.templateValues());
        Optional<NotificationStore.NewNotification> next = choose(event, account.get(), failed.channel());
        return next.map(store::create).orElse(false);
    }

    private Optional<NotificationStore.NewNotification> choose(NotificationEvent event, ZaloAccounts.Account account,
                                                               String after) {
        ZaloSection zalo = account.zalo();
        Optional<ZaloUsers.ZaloUser> user = users.byAppUser(event.province(), event.recipient());
        List<ZaloSection.Channel> channels = zalo.channels();
        int start = after == null ? 0 : channels.indexOf(ZaloSection.Channel.valueOf(after)) + 1;
        for (ZaloSection.Channel channel : channels.subList(Math.max(0, start), channels.size())) {
            if (channel == ZaloSection.Channel.OA && user.isPresent() && user.get().oaUserId() != null
                    && user.get().following() && user.get().lastInteractionAt() != null
                    && user.get().lastInteractionAt().plus(zalo.interactionWindow()).isAfter(clock.instant())) {
                Optional<String> text = templates.text(event.kind());
                if (text.isPresent()) {
                    return Optional.of(new NotificationStore.NewNotification(event.province(), event.eventId(),
                            event.kind(), event.recipient(), "OA", user.get().oaUserId(), NotificationStore.Status.PENDING,
                            NotificationTemplates.render(text.get(), event.fields()), null, json(event.fields()), null));
                }
            }
            if (channel == ZaloSection.Channel.ZNS) {
                String phone = event.phone() != null && PhoneNumbers.isValid(event.phone()) ? PhoneNumbers.toZalo(event.phone())
                        : user.map(ZaloUsers.ZaloUser::phone).orElse(null);
                ZaloSection.ZnsTemplate template = zalo.znsTemplates().get(event.kind());
                if (phone != null && template != null && !quota.exhausted(event.province())) {
                    Map<String, String> data = new LinkedHashMap<>();
                    template.params().forEach((param, field) -> {
                        String value = event.fields().get(field);
                        if (value == null) {
                            throw new IllegalArgumentException("ZNS template of '" + event.kind() + "' needs field '" + field + "'");
                        }
                        data.put(param, value);
                    });
                    return Optional.of(new NotificationStore.NewNotification(event.province(), event.eventId(),
                            event.kind(), event.recipient(), "ZNS", phone, NotificationStore.Status.PENDING, null,
                            template.templateId(), json(data), null));
                }
            }
        }
        return Optional.empty();
    }

    private static NotificationStore.NewNotification undeliverable(NotificationEvent event, String why) {
        return new NotificationStore.NewNotification(event.province(), event.eventId(), event.kind(), event.recipient(),
                "NONE", null, NotificationStore.Status.UNDELIVERABLE, null, null, json(event.fields()), why);
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
