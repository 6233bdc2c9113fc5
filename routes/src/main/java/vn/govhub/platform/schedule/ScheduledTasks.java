package vn.govhub.platform.schedule;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every scheduled task of the hub is an instance of one route template, {@code scheduled-task}: its trigger (timer or
 * Quartz cron), the leader check when one node at a time runs it, the flow's step; failures go to the one
 * {@link TaskErrors} route configuration, and Camel's route metrics count every run. Flows declare their tasks with
 * {@link #schedule}; tasks that come and go with the configuration (a province's catalogue sync) are
 * {@link #add added} and {@link #remove removed} while the hub runs.
 */
@Component
public class ScheduledTasks extends RouteBuilder {

    static final String TEMPLATE = "scheduled-task";

    private final ScheduleProperties overrides;

    public ScheduledTasks(ScheduleProperties overrides) {
        this.overrides = overrides;
    }

    @java.lang.Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("id").templateParameter("trigger").templateParameter("leader").templateParameter("step")
                .from("{{trigger}}")
                .routeId("{{id}}")
                .routeConfigurationId(TaskErrors.ID)
                .filter().method("leadership", "mayRun('{{id}}', {{leader}})")
                    .to("{{step}}").id("task-step")
                .end();
    }

    /** Schedules {@code task} as one of {@code builder}'s routes (a flow's route class, at start). */
    public void schedule(RouteBuilder builder, Task task) {
        Task effective = effective(task);
        if (!effective.enabled()) {
            return;
        }
        bindAction(builder.getContext(), effective);
        var route = builder.templatedRoute(TEMPLATE).routeId(effective.id());
        parameters(effective).forEach(route::parameter);
    }

    /** Adds a task while the hub runs. */
    public void add(CamelContext camel, Task task) throws Exception {
        Task effective = effective(task);
        if (effective.enabled()) {
            bindAction(camel, effective);
            camel.addRouteFromTemplate(effective.id(), TEMPLATE, new LinkedHashMap<>(parameters(effective)));
        }
    }

    /** Stops and removes a task while the hub runs. */
    public void remove(CamelContext camel, String id) throws Exception {
        if (camel.getRoute(id) != null) {
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
        }
    }

    /** The task as configured: its flow's defaults, then {@code govhub.schedule.<id>.*}. */
    public Task effective(Task task) {
        ScheduleProperties.Override o = overrides.schedule().get(task.id());
        if (o == null) {
            return task;
        }
        return new Task(task.id(), o.cron() != null ? null : o.every() != null ? o.every() : task.every(),
                o.delay() != null ? o.delay() : task.delay(), o.cron() != null ? o.cron() : o.every() != null ? null : task.cron(),
                task.zone() != null ? task.zone() : java.time.ZoneId.of("Asia/Ho_Chi_Minh"),
                o.leader() != null ? o.leader() : task.leader(), task.step(), task.action());
    }

    private static void bindAction(CamelContext camel, Task task) {
        if (task.action() != null) {
            camel.getRegistry().bind(task.actionName(), Step.class, new Step(task.action()));
        }
    }

    /** A flow's method as a bean the template's step calls ({@code bean:govhub-task-<id>?method=run}). */
    public static final class Step {
        private final Runnable method;

        Step(Runnable method) {
            this.method = method;
        }

        public void run() {
            method.run();
        }
    }

    private static Map<String, String> parameters(Task task) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("id", task.id());
        parameters.put("trigger", task.trigger());
        parameters.put("leader", String.valueOf(task.leader()));
        parameters.put("step", task.step());
        return parameters;
    }
}
