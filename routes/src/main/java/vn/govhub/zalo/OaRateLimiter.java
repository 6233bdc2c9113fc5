package vn.govhub.zalo;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Cluster-wide ceiling of calls to Zalo per OA, as evenly spaced slots: each call takes the next free slot
 * (60 s / rate after the previous one) from a Hazelcast map entry per OA, then waits for it. Every node draws
 * from the same schedule, so the cluster's rate is the configured one over any interval, without bursts at
 * window edges.
 */
@Component
public class OaRateLimiter {

    private final IMap<String, Long> nextSlot;
    private final Clock clock;

    public OaRateLimiter(HazelcastInstance hazelcast, Clock clock) {
        this.nextSlot = hazelcast.getMap("govhub-zalo-rate");
        this.clock = clock;
    }

    /** Blocks until the OA may make one more call under {@code ratePerMinute}. */
    public void acquire(String province, int ratePerMinute) {
        long intervalMicros = Math.max(1, 60_000_000L / ratePerMinute);
        long nowMicros = clock.millis() * 1000;
        long slot = nextSlot.executeOnKey(province, new TakeSlot(nowMicros, intervalMicros));
        long waitMicros = slot - nowMicros;
        if (waitMicros > 0) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(waitMicros));
        }
    }

    /** The caller's slot: now, or the next free one if that is later; the one after it becomes the next free. */
    record TakeSlot(long nowMicros, long intervalMicros) implements EntryProcessor<String, Long, Long>, Serializable {
        @Override
        public Long process(Map.Entry<String, Long> entry) {
            long free = entry.getValue() == null ? nowMicros : Math.max(nowMicros, entry.getValue());
            entry.setValue(free + intervalMicros);
            return free;
        }
    }
}
