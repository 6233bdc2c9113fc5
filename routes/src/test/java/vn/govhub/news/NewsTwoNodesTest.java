package vn.govhub.news;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govhub.GovhubApplication;
import vn.govhub.sandbox.portal.PortalSimulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Promise 5: even when two nodes both believe they lead (here: leader election off, and no shared Hazelcast
 * cache between them), every item is stored once — the database's unique key decides.
 */
class NewsTwoNodesTest {

    private final PortalSimulator portal = new PortalSimulator(0);
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        portal.close();
    }

    @Test
    void twoNodesPollingTheSameSourcesStoreEachItemOnce() {
        portal.start();
        String database = "news" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ConfigurableApplicationContext first = start(database);
        ConfigurableApplicationContext second = start(database);
        String route = "news-poll-news-test-good-rss";

        // new items keep arriving while both nodes poll
        for (int i = 1; i <= 3; i++) {
            portal.publish("tayninh", "Thông báo khẩn số " + i, "Nội dung thông báo " + i, "canh-bao");
            double a = polls(first, route);
            double b = polls(second, route);
            await().atMost(Duration.ofSeconds(15)).until(() -> polls(first, route) >= a + 2 && polls(second, route) >= b + 2);
        }

        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> count(jdbc, "good-rss") == portal.items("tayninh").size());
        assertThat(count(jdbc, "good-rss")).isEqualTo(portal.items("tayninh").size());
        assertThat(count(jdbc, "good-atom")).isEqualTo(portal.items("dongnai").size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT DISTINCT source_id, item_key FROM news_item) d", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM news_item", Long.class));
    }

    private ConfigurableApplicationContext start(String database) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GovhubApplication.class).run(
                "--server.port=0",
                "--govhub.config-dir=src/test/resources/news-config",
                "--govhub.cluster.leader-election=false",
                "--govhub.cluster.name=alone-" + UUID.randomUUID(),
                "--govhub.test.database-name=" + database,
                "--test.portal=" + portal.baseUrl(),
                "--test.endless=http://127.0.0.1:9"); // the flow test's endless source: nobody listens here
        nodes.add(context);
        return context;
    }

    private static long count(JdbcTemplate jdbc, String source) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM news_item WHERE source_id = ?", Long.class, source);
    }

    private static double polls(ConfigurableApplicationContext node, String route) {
        return node.getBean(MeterRegistry.class).find("govhub.news.polls").tag("source", route)
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
