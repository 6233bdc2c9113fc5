package vn.govhub.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.govhub.GovhubApplication;
import vn.govhub.sandbox.portal.PortalSimulator;
import vn.govhub.testing.FreePorts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub nodes on loopback, one Hazelcast cluster: a scheduled poller runs on exactly one of them, and when
 * that node goes away the other takes the work over.
 */
class TwoNodeLeadershipTest {

    private static final String TASK = "news-poll-demo-tayninh-rss";

    private PortalSimulator portal;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeEach
    void startPortal() {
        portal = new PortalSimulator(0);
        portal.start();
    }

    @AfterEach
    void stopAll() {
        nodes.forEach(ConfigurableApplicationContext::close);
        portal.close();
    }

    @Test
    void exactlyOneNodePollsAndTheOtherTakesOverWhenItStops() {
        startCluster();
        Node leader = leaderOf(TASK);
        Node follower = other(leader);

        long leaderBefore = polls(leader);
        long followerBefore = polls(follower);
        await().atMost(Duration.ofSeconds(20)).until(() -> polls(leader) >= leaderBefore + 3);
        assertThat(polls(follower)).as("the follower never polls").isEqualTo(followerBefore);
        assertThat(follower.leadership().isLeader(TASK)).isFalse();

        leader.context().close();

        await().atMost(Duration.ofSeconds(30)).until(() -> follower.leadership().isLeader(TASK));
        long takenOver = polls(follower);
        await().atMost(Duration.ofSeconds(10)).until(() -> polls(follower) >= takenOver + 3);
    }

    @Test
    void aLeaderThatDiesWithoutGoodbyeIsReplacedWithinThirtySeconds() {
        startCluster();
        Node leader = leaderOf(TASK);
        Node follower = other(leader);

        // The member vanishes as in a crash: no graceful leave, its partitions are only moved once the
        // survivor notices it is gone.
        leader.context().getBean(HazelcastInstance.class).getLifecycleService().terminate();
        assertThat(leader.leadership().isLeader(TASK)).as("a member out of the cluster leads nothing").isFalse();

        await().atMost(Duration.ofSeconds(30)).until(() -> follower.leadership().isLeader(TASK));
        long takenOver = polls(follower);
        await().atMost(Duration.ofSeconds(10)).until(() -> polls(follower) >= takenOver + 2);
    }

    private record Node(ConfigurableApplicationContext context) {
        Leadership leadership() {
            return context.getBean(Leadership.class);
        }
    }

    private List<Node> cluster;

    private void startCluster() {
        int port1 = FreePorts.next();
        int port2 = FreePorts.next();
        String members = "127.0.0.1:" + port1 + ",127.0.0.1:" + port2;
        String clusterName = "leadership-" + UUID.randomUUID();
        String database = "lead" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        cluster = List.of(new Node(start(port1, members, clusterName, database)),
                new Node(start(port2, members, clusterName, database)));
        await().atMost(Duration.ofSeconds(30)).until(() -> cluster.stream().allMatch(n -> {
            HazelcastInstance hz = n.context().getBean(HazelcastInstance.class);
            return hz.getCluster().getMembers().size() == 2 && hz.getPartitionService().isClusterSafe();
        }));
    }

    private ConfigurableApplicationContext start(int hazelcastPort, String members, String clusterName, String database) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GovhubApplication.class).run(
                "--server.port=0",
                "--govhub.cluster.discovery=tcp",
                "--govhub.cluster.port=" + hazelcastPort,
                "--govhub.cluster.members=" + members,
                "--govhub.cluster.name=" + clusterName,
                "--govhub.cluster.failure-detection-seconds=5",
                "--govhub.test.database-name=" + database,
                "--govhub.sandbox.enabled=true",
                "--govhub.files.link-secret=two-node-test", // the demo province takes dossiers
                "--govhub.sandbox.portal-port=" + portal.port(),
                "--govhub.sandbox.news-every=200ms");
        nodes.add(context);
        return context;
    }

    private Node leaderOf(String task) {
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.stream().filter(n -> n.leadership().isLeader(task)).count() == 1);
        List<Node> leaders = cluster.stream().filter(n -> n.leadership().isLeader(task)).toList();
        assertThat(leaders).as("exactly one leader of " + task).hasSize(1);
        return leaders.get(0);
    }

    private Node other(Node node) {
        return cluster.stream().filter(n -> n != node).findFirst().orElseThrow();
    }

    private static long polls(Node node) {
        return (long) node.context().getBean(MeterRegistry.class).find("govhub.news.polls").tag("source", TASK)
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
