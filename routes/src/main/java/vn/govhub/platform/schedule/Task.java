package vn.govhub.platform.schedule;

import java.time.Duration;
import java.time.ZoneId;

/**
 * One scheduled task: its id (also its route's id, the name its metrics and its leadership go by), when it runs (every
 * so often after a first delay, or on a Quartz cron in a zone), whether one node at a time runs it (the leader of the
 * task), and its step: a method of the flow's ({@link #runs}), a bean's method named in the configuration's terms
 * ({@link #calls}), or a route of the flow's own ({@link #sends}). Defaults come from the flow that declares it;
 * {@code govhub.schedule.<id>.*} overrides them.
 *
 * @param action the step when it is a method of the flow's, else null
 */
public record Task(String id, Duration every, Duration delay, String cron, ZoneId zone, boolean leader, String step,
                   Runnable action) {

    public static Task every(String id, Duration every) {
        return new Task(id, every, Duration.ofSeconds(1), null, null, false, null, null);
    }

    public static Task cron(String id, String cron, ZoneId zone) {
        return new Task(id, null, Duration.ZERO, cron, zone, false, null, null);
    }

    public Task after(Duration firstDelay) {
        return new Task(id, every, firstDelay, cron, zone, leader, step, action);
    }

    /** Run on one node at a time: the task's leader. */
    public Task onLeader() {
        return new Task(id, every, delay, cron, zone, true, step, action);
    }

    /** The step is this method of the flow's, e.g. {@code forwarder::forwardDue}. */
    public Task runs(Runnable method) {
        return new Task(id, every, delay, cron, zone, leader, "bean:" + actionName() + "?method=run", method);
    }

    /**
     * The step is a bean's method with arguments ({@code run('demo','schedule')}: without spaces), for tasks whose
     * equality must survive a reload (a province's catalogue sync).
     */
    public Task calls(String beanName, String methodCall) {
        return sends("bean:" + beanName + "?method=" + methodCall);
    }

    /** The step is an endpoint, e.g. the direct route of a source's fetch. */
    public Task sends(String endpoint) {
        return new Task(id, every, delay, cron, zone, leader, endpoint, null);
    }

    /** The name a {@link #runs} step is bound under in Camel's registry. */
    String actionName() {
        return "govhub-task-" + id;
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
