package vn.govhub.reload;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.govhub.platform.schedule.ScheduledTasks;
import vn.govhub.platform.schedule.Task;

import java.time.Duration;

/** Every node looks for changed province files every 30 s ({@code govhub.schedule.config-check.every}) and reloads them. */
@Component
public class ConfigRoutes extends RouteBuilder {

    private final ScheduledTasks tasks;

    public ConfigRoutes(ScheduledTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void configure() {
        tasks.schedule(this, Task.every("config-check", Duration.ofSeconds(30)).after(Duration.ofSeconds(30))
                .calls("configReloader", "reloadIfChanged"));
    }
}
