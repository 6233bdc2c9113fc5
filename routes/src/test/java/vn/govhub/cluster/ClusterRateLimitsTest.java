package vn.govhub.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govhub.testing.FreePorts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A client spreading its requests over two members gets what one member would give it. */
class ClusterRateLimitsTest {

    private static HazelcastInstance one;
    private static HazelcastInstance two;

    @BeforeAll
    static void cluster() {
        int port = FreePorts.next();
        one = Hazelcast.newHazelcastInstance(config(port));
        two = Hazelcast.newHazelcastInstance(config(port));
        await().atMost(Duration.ofSeconds(30)).until(() -> one.getCluster().getMembers().size() == 2);
    }

    private static Config config(int port) {
        Config config = new Config().setClusterName("rate-" + port);
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(true);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port)
                .addMember("127.0.0.1:" + (port + 1));
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        return config;
    }

    @AfterAll
    static void stop() {
        two.shutdown();
        one.shutdown();
    }

    @Test
    void usesOnEitherMemberCountTogether() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T03:00:10Z"), ZoneOffset.UTC);
        ClusterRateLimits a = new ClusterRateLimits(one, clock);
        ClusterRateLimits b = new ClusterRateLimits(two, clock);
        assertThat(a.allow("track", "203.0.113.7", 3, Duration.ofMinutes(1))).isTrue();
        assertThat(b.allow("track", "203.0.113.7", 3, Duration.ofMinutes(1))).isTrue();
        assertThat(a.allow("track", "203.0.113.7", 3, Duration.ofMinutes(1))).isTrue();
        assertThat(b.allow("track", "203.0.113.7", 3, Duration.ofMinutes(1))).isFalse();
        assertThat(a.allow("track", "203.0.113.8", 3, Duration.ofMinutes(1))).isTrue();
        // the next window starts afresh
        ClusterRateLimits later = new ClusterRateLimits(two, Clock.offset(clock, Duration.ofMinutes(1)));
        assertThat(later.allow("track", "203.0.113.7", 3, Duration.ofMinutes(1))).isTrue();
        // and a window's entry goes with it
        assertThat(one.getMap("govhub-rate-windows").getEntryView("track|203.0.113.7|" + clock.millis() / 60_000).getTtl())
                .isEqualTo(TimeUnit.MINUTES.toMillis(1));
    }
}
