package vn.govhub.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govhub.GovhubApplication;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.zalo.OaTokenService;
import vn.govhub.zalo.ZaloUsers;

/**
 * Two nodes on one database whose access token expires at the same moment. They are deliberately not in one
 * Hazelcast cluster (the worst case: no shared lock), so only the database row lock keeps the single-use refresh
 * token from being spent twice.
 */
class TwoNodeTokenRefreshTest {

    private final ZaloSimulator zalo = new ZaloSimulator(0);
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        zalo.close();
    }

    @Test
    void expiringTokenIsRefreshedByOneNodeAndBothSendWithTheNewOne() throws Exception {
        zalo.start();
        String database = "zalo" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ConfigurableApplicationContext first = start(database);
        ConfigurableApplicationContext second = start(database);

        first.getBean(OaTokenService.class).adoptRefreshToken("zalo-test", zalo.issueRefreshToken());
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        ZaloUsers users = first.getBean(ZaloUsers.class);
        ZaloUsers.ZaloUser citizen = users.upsert("zalo-test", "oa-1", "app-1");
        users.following(citizen.id(), true, java.time.Instant.now());
        zalo.follow("oa-1");
        int refreshesBefore = zalo.refreshCalls();

        zalo.advanceClock(Duration.ofHours(26)); // the access token both nodes hold is now expired at Zalo
        zalo.follow("oa-1");
        String expired = first.getBean(OaTokenService.class).accessToken("zalo-test");
        assertThat(second.getBean(OaTokenService.class).accessToken("zalo-test")).isEqualTo(expired);

        // both nodes learn at the same moment that the token is dead, on several threads each
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<String>> renewed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            OaTokenService tokens = (i % 2 == 0 ? first : second).getBean(OaTokenService.class);
            renewed.add(threads.submit(() -> {
                go.await();
                return tokens.afterTokenError("zalo-test", expired);
            }));
        }
        go.countDown();
        List<String> tokens = new ArrayList<>();
        for (java.util.concurrent.Future<String> future : renewed) {
            tokens.add(future.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        threads.shutdown();
        assertThat(tokens).doesNotContain(expired).containsOnly(tokens.get(0));
        assertThat(zalo.refreshCalls() - refreshesBefore).isEqualTo(1);
        assertThat(zalo.refreshTokenReuses()).isZero();

        // and both nodes then send with the new token
        NotificationEvents events = first.getBean(NotificationEvents.class);
        for (int i = 0; i < 40; i++) {
            events.publish(new NotificationEvent("two-" + i, "zalo-test", "announcement", "app-1", null, Map.of("text", "Tin " + i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> zalo.accepted().size() == 40);
        assertThat(zalo.refreshCalls() - refreshesBefore).isEqualTo(1);
        assertThat(zalo.accepted()).extracting(ZaloSimulator.Accepted::accessToken).containsOnly(tokens.get(0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE status IN ('SENT', 'DELIVERED')", Long.class)).isEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification", Long.class)).isEqualTo(40);
    }

    private ConfigurableApplicationContext start(String database) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--govhub.config-dir=src/test/resources/zalo-config",
                "--govhub.cluster.name=alone-" + UUID.randomUUID(),
                "--govhub.test.database-name=" + database,
                "--govhub.schedule.notify-send.every=20ms", "--govhub.schedule.notify-plan.every=20ms",
                "--govhub.notify.batch=5"));
        args.addAll(List.of(ZaloTestSupport.args(zalo)));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GovhubApplication.class).run(args.toArray(String[]::new));
        nodes.add(context);
        return context;
    }
}
