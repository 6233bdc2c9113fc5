package vn.govhub.platform.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a scheduled task's failure does, for every task: it is handled (the task keeps its schedule and runs at its next
 * tick), logged once with the task's id, and counted in {@code govhub_task_failures_total{task}}.
 */
@Component
public class TaskErrors extends RouteConfigurationBuilder {

    public static final String ID = "task-errors";
    private static final Logger log = LoggerFactory.getLogger(TaskErrors.class);

    private final MeterRegistry meters;

    public TaskErrors(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class).handled(true)
                .process(this::failed);
    }

    private void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String task = exchange.getFromRouteId();
        meters.counter("govhub.task.failures", "task", task).increment();
        log.error("Task {} failed (it runs again at its next tick): {}", task, cause.toString(), cause);
    }
}
