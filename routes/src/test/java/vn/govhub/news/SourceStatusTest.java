package vn.govhub.news;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SourceStatusTest {

    private final Instant now = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    void failuresBackOffExponentiallyUpToTheCap() {
        SourceStatus status = SourceStatus.initial("p", "s");
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(5);
        long[] expectedSeconds = {30, 60, 120, 240, 300, 300};
        for (long expected : expectedSeconds) {
            status = status.failed(now, "boom", base, max);
            assertThat(Duration.between(now, status.nextAttemptAt())).hasSeconds(expected);
        }
        assertThat(status.consecutiveFailures()).isEqualTo(6);
        assertThat(status.due(now.plusSeconds(299))).isFalse();
        assertThat(status.due(now.plusSeconds(300))).isTrue();
    }

    @Test
    void successForgetsFailuresAndKeepsTheValidators() {
        SourceStatus status = SourceStatus.initial("p", "s").failed(now, "boom", Duration.ofSeconds(30), Duration.ofMinutes(5))
                .succeeded(now, "\"abc\"", "Sat, 28 Nov 2026 08:00:00 GMT", 18, 1);
        assertThat(status.consecutiveFailures()).isZero();
        assertThat(status.due(now)).isTrue();
        assertThat(status.etag()).isEqualTo("\"abc\"");
        assertThat(status.notModified(now.plusSeconds(60)).etag()).isEqualTo("\"abc\"");
    }

    @Test
    void hugeFailureCountsDoNotOverflowTheWait() {
        SourceStatus status = SourceStatus.initial("p", "s");
        for (int i = 0; i < 100; i++) {
            status = status.failed(now, "boom", Duration.ofSeconds(30), Duration.ofMinutes(30));
        }
        assertThat(Duration.between(now, status.nextAttemptAt())).isEqualTo(Duration.ofMinutes(30));
    }
}
