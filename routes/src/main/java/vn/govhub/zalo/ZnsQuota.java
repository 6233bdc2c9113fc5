package vn.govhub.zalo;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

/**
 * The ZNS daily quota as Zalo last reported it, per OA, shared by the cluster: each send's answer carries the
 * remaining quota, and error -144 means none is left. When none is left, ZNS is skipped until midnight in Vietnam
 * instead of spending calls on certain refusals.
 */
@Component
public class ZnsQuota {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final IMap<String, Integer> remaining;
    private final Clock clock;

    public ZnsQuota(HazelcastInstance hazelcast, Clock clock) {
        this.remaining = hazelcast.getMap("govhub-zns-quota");
        this.clock = clock;
    }

    public void reported(String province, int remainingToday) {
        remaining.put(key(province), remainingToday, untilMidnight(), TimeUnit.MILLISECONDS);
    }

    public void exhaustedToday(String province) {
        reported(province, 0);
    }

    public boolean exhausted(String province) {
        Integer left = remaining.get(key(province));
        return left != null && left <= 0;
    }

    public Integer remaining(String province) {
        return remaining.get(key(province));
    }

    private String key(String province) {
        return province + "|" + LocalDate.now(clock.withZone(VIETNAM));
    }

    private long untilMidnight() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(VIETNAM));
        return Math.max(1000, Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(VIETNAM)).toMillis());
    }
}
