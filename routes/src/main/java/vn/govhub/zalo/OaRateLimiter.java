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
 * Cluster-wide ceiling of calls to Zalo per OA. A minute's budget is spread over its seconds (second s of the
 * minute may take floor(rate·(s+1)/60) − floor(rate·s/60) calls), counted in a Hazelcast map entry per OA and
 * second, so every node draws from the same budget and the rate holds over any minute.
 */
@Component
public class OaRateLimiter {

    private final IMap<String, Integer> windows;
    private final Clock clock;

    public OaRateLimiter(HazelcastInstance hazelcast, Clock clock) {
        this.windows = hazelcast.getMap("govhub-zalo-rate");
        this.clock = clock;
    }

    /** Blocks until the OA may make one more call under {@code ratePerMinute}. */
    public void acquire(String province, int ratePerMinute) {
        while (true) {
            long nowMillis = clock.millis();
            long second = nowMillis / 1000;
            int allowed = allowedIn(second, ratePerMinute);
            if (allowed > 0) {
                Boolean granted = windows.executeOnKey(province + "|" + second, new Increment(allowed));
                if (Boolean.TRUE.equals(granted)) {
                    return; // the map's 10 s time-to-live (HazelcastSetup) clears old seconds
                }
            }
            long wait = (second + 1) * 1000 - clock.millis();
            if (wait > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
            }
        }
    }

    static int allowedIn(long epochSecond, int ratePerMinute) {
        long s = Math.floorMod(epochSecond, 60);
        return (int) ((long) ratePerMinute * (s + 1) / 60 - (long) ratePerMinute * s / 60);
    }

    /** Takes one call from the second's budget if some is left. */
    record Increment(int allowed) implements EntryProcessor<String, Integer, Boolean>, Serializable {
        @Override
        public Boolean process(Map.Entry<String, Integer> entry) {
            int used = entry.getValue() == null ? 0 : entry.getValue();
            if (used >= allowed) {
                return false;
            }
            entry.setValue(used + 1);
            return true;
        }
    }
}
