package vn.govhub.platform.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * Overrides of the scheduled tasks' defaults ({@code govhub.schedule.<task id>.*}), e.g.
 * {@code govhub.schedule.dossier-forward.every=100ms}.
 */
@Validated
@ConfigurationProperties("govhub")
public record ScheduleProperties(@DefaultValue Map<String, Override> schedule) {

    /**
     * @param every  how often (0: the task is off)
     * @param delay  the first run after start
     * @param cron   a Quartz cron instead of an interval (seconds first), in the task's zone
     * @param leader whether one node at a time runs it
     */
    public record Override(Duration every, Duration delay, String cron, Boolean leader) {
    }
}
