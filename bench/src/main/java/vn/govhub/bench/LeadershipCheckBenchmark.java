package vn.govhub.bench;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What a poller pays on every tick to learn whether it leads its task: the owner lookup of the task's
 * Hazelcast partition (what {@code vn.govhub.cluster.Leadership} does), beside the baseline of reading a
 * volatile flag (what a lock-holding leader election would cost per tick).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LeadershipCheckBenchmark {

    private HazelcastInstance hazelcast;
    private volatile boolean leaderFlag = true;
    private final String task = "news-poll-demo-tayninh-rss";

    @Setup(Level.Trial)
    public void start() {
        Config config = new Config();
        config.setClusterName("bench-" + System.nanoTime());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().setPort(25701);
        hazelcast = Hazelcast.newHazelcastInstance(config);
    }

    @TearDown(Level.Trial)
    public void stop() {
        hazelcast.shutdown();
    }

    @Benchmark
    public boolean partitionOwnerLookup() {
        var owner = hazelcast.getPartitionService().getPartition(task).getOwner();
        return owner != null && owner.localMember();
    }

    @Benchmark
    public boolean baselineVolatileFlag() {
        return leaderFlag;
    }
}
