package vn.govhub.upstream;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedBodyTest {

    private final Clock fixed = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[1000]), 1000, Duration.ofSeconds(1), fixed)).hasSize(1000);
        assertThat(BoundedBody.read(null, 10, null, fixed)).isEmpty();
    }

    @Test
    void aLargerBodyIsCutOff() {
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[1001]), 1000, null, fixed))
                .isInstanceOfSatisfying(BoundedBody.LimitExceeded.class, e -> assertThat(e.tooLarge()).isTrue())
                .hasMessageContaining("exceeds 1000 bytes");
    }

    @Test
    void aDripPastTheDeadlineIsAbandoned() {
        AtomicLong millis = new AtomicLong();
        Clock advancing = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.EPOCH.plusMillis(millis.getAndAdd(400));
            }
        };
        InputStream drip = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                b[off] = 'x';
                return 1;
            }
        };
        assertThatThrownBy(() -> BoundedBody.read(drip, 1_000_000, Duration.ofSeconds(1), advancing))
                .isInstanceOfSatisfying(BoundedBody.LimitExceeded.class, e -> assertThat(e.tooLarge()).isFalse())
                .hasMessageContaining("still arriving");
    }
}
