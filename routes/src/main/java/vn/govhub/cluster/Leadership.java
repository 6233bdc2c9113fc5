package vn.govhub.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which node runs a scheduled task: the member that owns the Hazelcast partition of the task's name.
 * <p>
 * Why this and not a lock or Camel's route policies: partition ownership needs no lock to hold, renew or
 * release (nothing is left behind when a route is removed or reloaded, and a failed start does not stick),
 * it spreads different tasks over the members, and when a member dies its partitions move to the survivors
 * as soon as the cluster drops it ({@code govhub.cluster.failure-detection-seconds}). Each poller asks
 * {@link #isLeader(String)} when its timer fires, so the decision is never stale by more than one tick.
 * During a migration or a split brain two members may briefly both answer yes: the flows' database
 * constraints keep that harmless (promise 5).
 */
@Component
public class Leadership {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final HazelcastInstance hazelcast;
    private final Map<String, Boolean> lastAnswer = new ConcurrentHashMap<>();

    private final boolean election;

    public Leadership(HazelcastInstance hazelcast, ClusterProperties cluster) {
        this.hazelcast = hazelcast;
        this.election = cluster.leaderElection();
        if (!election) {
            log.warn("Leader election is off (govhub.cluster.leader-election=false): every node runs every scheduled task");
        }
        awaitPartitionTable();
    }

    /**
     * Hazelcast assigns partitions lazily: until then no member owns any, and a poller asking on its first tick
     * would skip it (and with an hourly schedule, wait an hour). Trigger the assignment and wait for it here.
     */
    private void awaitPartitionTable() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        hazelcast.getPartitionService().getPartitions();
        while (hazelcast.getPartitionService().getPartition("govhub").getOwner() == null) {
            if (System.nanoTime() > deadline) {
                log.warn("Hazelcast partitions still unassigned after 30 s; pollers wait for them");
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** True when this node should run {@code task} now. False while this member is not (or no longer) running. */
    /** Whether this node runs {@code task} now: always, unless one node at a time runs it and this is not the leader. */
    public boolean mayRun(String task, boolean leaderOnly) {
        return !leaderOnly || isLeader(task);
    }

    public boolean isLeader(String task) {
        boolean leader = !election || ownsPartitionOf(task);
        Boolean before = lastAnswer.put(task, leader);
        if (before == null || before != leader) {
            log.info("Task {}: this node {} its leader", task, leader ? "is now" : "is not");
        }
        return leader;
    }

    private boolean ownsPartitionOf(String task) {
        try {
            if (!hazelcast.getLifecycleService().isRunning()) {
                return false;
            }
            Partition partition = hazelcast.getPartitionService().getPartition(task);
            return partition.getOwner() != null && partition.getOwner().localMember();
        } catch (RuntimeException e) {
            // HazelcastInstanceNotActiveException and friends: a member that left leads nothing.
            return false;
        }
    }

    /** Tasks this node has been asked about, and whether it leads each of them. */
    public Map<String, Boolean> tasks() {
        return Map.copyOf(lastAnswer);
    }

    public String memberId() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    public int clusterSize() {
        return hazelcast.getCluster().getMembers().size();
    }
}
