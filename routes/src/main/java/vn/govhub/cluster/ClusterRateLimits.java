package vn.govhub.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Per-client limits counted across the cluster: a fixed window per (limit, client), one Hazelcast entry each,
 * incremented atomically on its partition owner and expiring with its window, so a client spreading its requests over
 * the nodes gets no more than one node would give it.
 */
@Component
public class ClusterRateLimits {

    private final IMap<String, Integer> windows;
    private final Clock clock;

    public ClusterRateLimits(HazelcastInstance hazelcast, Clock clock) {
        this.windows = hazelcast.getMap("govhub-rate-windows");
        this.clock = clock;
    }

    /** Counts one use; true while the client is within {@code max} uses in the current {@code window}. */
    public boolean allow(String limit, String client, int max, Duration window) {
        long windowMillis = window.toMillis();
        long start = clock.millis() / windowMillis;
        int used = windows.executeOnKey(limit + "|" + client + "|" + start, new Count(windowMillis));
        return used <= max;
    }

    /** Adds one to the window's count, the entry living as long as the window. */
    record Count(long ttlMillis) implements EntryProcessor<String, Integer, Integer>, Serializable {
        @Override
        public Integer process(Map.Entry<String, Integer> entry) {
            int next = entry.getValue() == null ? 1 : entry.getValue() + 1;
            ((ExtendedMapEntry<String, Integer>) entry).setValue(next, ttlMillis, TimeUnit.MILLISECONDS);
            return next;
        }
    }
}
