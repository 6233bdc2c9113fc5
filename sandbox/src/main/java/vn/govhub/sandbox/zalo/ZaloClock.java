package vn.govhub.sandbox.zalo;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's own time: the system clock moved by an offset, so a test can expire a 25-hour token or leave
 * the 7-day interaction window without waiting, while receipts and message times stay close to real time.
 */
final class ZaloClock {

    private final AtomicLong offsetMillis = new AtomicLong();

    Instant now() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    void advance(Duration duration) {
        offsetMillis.addAndGet(duration.toMillis());
    }

    void reset() {
        offsetMillis.set(0);
    }
}
