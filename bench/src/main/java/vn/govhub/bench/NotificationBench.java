package vn.govhub.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.GovhubApplication;
import vn.govhub.connectors.zalo.OaTokens;
import vn.govhub.connectors.zalo.ZaloEndpoints;
import vn.govhub.connectors.zalo.ZaloMessages;
import vn.govhub.connectors.zalo.ZaloOAuth;
import vn.govhub.notify.NotificationEvent;
import vn.govhub.notify.NotificationEvents;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.sandbox.zalo.ZaloWebhooks;
import vn.govhub.zalo.OaTokenService;
import vn.govhub.zalo.ZaloUsers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Notifications end to end: N events (default 10,000) published into the outbox, planned, sent as OA messages to
 * the Zalo simulator, and marked delivered by the simulator's receipt webhooks. Prints throughput and the counts
 * sent / delivered / duplicated / lost, beside the baseline of the same messages sent straight to the simulator
 * with the same client and 8 threads. Then a second hub with a configured rate limit: the measured rate beside it.
 */
public final class NotificationBench {

    private NotificationBench() {
    }

    private record Counts(int sent, long delivered, int duplicated, int lost, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int limitedRate = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int limitedCount = args.length > 2 ? Integer.parseInt(args[2]) : 1000;

        double baseline;
        try (ZaloSimulator zalo = new ZaloSimulator(0)) {
            zalo.start();
            zalo.ratePerMinute(Integer.MAX_VALUE);
            baseline = baseline(zalo, total);
        }
        Counts unlimited;
        try (ZaloSimulator zalo = new ZaloSimulator(0)) {
            zalo.start();
            zalo.ratePerMinute(Integer.MAX_VALUE);
            zalo.dailyQuota(Integer.MAX_VALUE);
            unlimited = run(zalo, total, 1_000_000, "unlimited");
        }
        Counts limited;
        try (ZaloSimulator zalo = new ZaloSimulator(0)) {
            zalo.start();
            zalo.ratePerMinute(Integer.MAX_VALUE);
            limited = run(zalo, limitedCount, limitedRate, "limited");
        }
        System.out.println();
        System.out.println("== notifications ==");
        System.out.printf("%d events → OA messages: %.0f notifications/s (%.1f s); sent %d, delivered %d, duplicated %d, lost %d%n",
                total, total / unlimited.seconds(), unlimited.seconds(), unlimited.sent(), unlimited.delivered(),
                unlimited.duplicated(), unlimited.lost());
        System.out.printf("baseline (the same messages straight to the simulator, same client, 8 threads): %.0f messages/s; ratio %.2f%n",
                baseline, (total / unlimited.seconds()) / baseline);
        double measured = (limitedCount - 1) / limited.seconds() * 60;
        System.out.printf("rate limit %d/min, %d notifications: measured %.0f/min (%+.1f%%); sent %d, delivered %d, duplicated %d, lost %d%n",
                limitedRate, limitedCount, measured, (measured - limitedRate) * 100.0 / limitedRate, limited.sent(),
                limited.delivered(), limited.duplicated(), limited.lost());
    }

    private static double baseline(ZaloSimulator zalo, int total) throws Exception {
        ZaloEndpoints endpoints = ZaloEndpoints.allAt(URI.create(zalo.baseUrl()), Duration.ofSeconds(5), Duration.ofSeconds(15));
        OaTokens tokens = new ZaloOAuth(endpoints, zalo.appId(), zalo.appSecret(), Clock.systemUTC()).refresh(zalo.issueRefreshToken());
        ZaloMessages messages = new ZaloMessages(endpoints, zalo.appSecret(), false);
        for (int i = 0; i < total; i++) {
            zalo.follow("oa-" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int n = i;
            sends.add(pool.submit(() -> messages.sendConsultation(tokens.accessToken(), "oa-" + n, "Thông báo " + n, null, List.of())));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / seconds;
    }

    private static Counts run(ZaloSimulator zalo, int total, int ratePerMinute, String label) throws Exception {
        Path configDir = Files.createTempDirectory("govhub-notify-bench");
        Files.createDirectories(configDir.resolve("provinces"));
        Files.copy(Path.of("config/notifications.yml"), configDir.resolve("notifications.yml"));
        Files.writeString(configDir.resolve("provinces/bench.yml"), """
                id: bench
                name: "Tỉnh Benchmark"
                zalo:
                  enabled: true
                  app-id: "%s"
                  app-secret: "%s"
                  oa-id: "%s"
                  oa-secret-key: "%s"
                  oauth-base-url: "%s"
                  open-api-base-url: "%s"
                  business-base-url: "%s"
                  graph-base-url: "%s"
                  rate-per-minute: %d
                """.formatted(zalo.appId(), zalo.appSecret(), zalo.oaId(), zalo.oaSecretKey(), zalo.baseUrl(),
                zalo.baseUrl(), zalo.baseUrl(), zalo.baseUrl(), ratePerMinute));
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(GovhubApplication.class).run(
                "--server.port=0",
                "--govhub.config-dir=" + configDir,
                    "--govhub.security.check-secrets=false", // bench secrets; the simulators are on loopback
                    "--govhub.http.allowed-networks=127.0.0.0/8",
                "--spring.datasource.url=jdbc:h2:mem:notifybench" + label + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--govhub.cluster.port=25911",
                "--govhub.security.data-key=" + Base64.getEncoder().encodeToString(new byte[32]),
                "--govhub.schedule.notify-send.every=20ms", "--govhub.schedule.notify-plan.every=20ms",
                "--logging.level.root=WARN");
        try (ZaloWebhooks webhooks = new ZaloWebhooks(zalo, URI.create("http://127.0.0.1:"
                + hub.getBean(Environment.class).getProperty("local.server.port") + "/webhooks/zalo"))) {
            zalo.sendReceiptsTo(webhooks);
            hub.getBean(OaTokenService.class).adoptRefreshToken("bench", zalo.issueRefreshToken());
            ZaloUsers users = hub.getBean(ZaloUsers.class);
            TransactionTemplate transactions = hub.getBean(TransactionTemplate.class);
            transactions.executeWithoutResult(tx -> {
                for (int i = 0; i < total; i++) {
                    ZaloUsers.ZaloUser user = users.upsert("bench", "oa-" + i, "app-" + i);
                    users.following(user.id(), true, Instant.now());
                    zalo.follow("oa-" + i);
                }
            });
            NotificationEvents events = hub.getBean(NotificationEvents.class);
            int acceptedBefore = zalo.accepted().size();
            long start = System.nanoTime();
            for (int batch = 0; batch < total; batch += 500) {
                int from = batch;
                transactions.executeWithoutResult(tx -> {
                    for (int i = from; i < Math.min(total, from + 500); i++) {
                        events.publish(new NotificationEvent("bench-" + i, "bench", "announcement", "app-" + i, null,
                                Map.of("text", "Thông báo số " + i)));
                    }
                });
            }
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline && (zalo.accepted().size() - acceptedBefore < total || webhooks.receiptsPending() > 0
                    || jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE status = 'DELIVERED'", Long.class) < total)) {
                Thread.sleep(50); // a benchmark's poll, not a test
                if (jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE status IN ('FAILED', 'UNDELIVERABLE')", Long.class) > 0
                        && webhooks.receiptsPending() == 0 && zalo.accepted().size() - acceptedBefore >= total) {
                    break;
                }
            }
            List<ZaloSimulator.Accepted> accepted = zalo.accepted();
            // sending time: first to last message Zalo accepted
            Instant first = accepted.stream().map(ZaloSimulator.Accepted::at).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = accepted.stream().map(ZaloSimulator.Accepted::at).max(Comparator.naturalOrder()).orElseThrow();
            double sendSeconds = ratePerMinute >= 1_000_000 ? (System.nanoTime() - start) / 1e9
                    : Duration.between(first, last).toNanos() / 1e9;
            long distinct = accepted.stream().map(a -> a.recipient() + "|" + a.text()).distinct().count();
            long delivered = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE status = 'DELIVERED'", Long.class);
            return new Counts(accepted.size(), delivered, (int) (accepted.size() - distinct), (int) (total - distinct), sendSeconds);
        } finally {
            hub.close();
        }
    }
}
