package vn.govhub.platform.schedule;

import java.time.Duration;
import java.time.ZoneId;

/**
 * One scheduled task: its id (also its route's id, the name its metrics and its leadership go by), when it runs (every
 * so often after a first delay, or on a Quartz cron in a zone), whether one node at a time runs it (the leader of the
 * task), and its step: the endpoint it sends to (a bean's method, or a route of the flow's own). Defaults come from the flow that declares it; {@code govhub.schedule.<id>.*}
 * overrides them.
 */
public record Task(String id, Duration every, Duration delay, String cron, ZoneId zone, boolean leader, String step) {

    public static Task every(String id, Duration every) {
        return new Task(id, every, Duration.ofSeconds(1), null, null, false, null);
    }

    public static Task cron(String id, String cron, ZoneId zone) {
        return new Task(id, null, Duration.ZERO, cron, zone, false, null);
    }

    public Task after(Duration firstDelay) {
        return new Task(id, every, firstDelay, cron, zone, leader, step);
    }

    /** Run on one node at a time: the task's leader. */
    public Task onLeader() {
        return new Task(id, every, delay, cron, zone, true, step);
    }

    /** The step is a bean's method ({@code run('demo','schedule')}: arguments without spaces). */
    public Task calls(String beanName, String methodCall) {
        return sends("bean:" + beanName + "?method=" + methodCall);
    }

    /** The step is an endpoint, e.g. the direct route of a source's fetch. */
    public Task sends(String endpoint) {
        return new Task(id, every, delay, cron, zone, leader, endpoint);
    }

    /** The Camel endpoint that fires the task: a timer, or Quartz for a cron. */
    String trigger() {
        if (cron != null) {
            return "quartz:govhub/" + id + "?cron=" + cron.replace(' ', '+') + "&trigger.timeZone=" + zone.getId();
        }
        return "timer:" + id + "?delay=" + delay.toMillis() + "&period=" + every.toMillis();
    }

    /** Whether it runs at all: an interval of 0 switches a task off. */
    boolean enabled() {
        return cron != null || (every != null && !every.isZero());
    }
}
