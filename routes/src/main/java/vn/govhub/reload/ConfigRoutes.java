package vn.govhub.reload;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.govhub.platform.schedule.ScheduledTasks;
import vn.govhub.platform.schedule.Task;

import java.time.Duration;

/**
 * Every node looks for changed province files every 30 s ({@code govhub.schedule.config-check.every}) and reloads them;
 * an operator's reload on one node is published on the cluster's {@code govhub-config-reload} topic (camel-hazelcast),
 * and every other node reloads its own files when it hears it.
 */
@Component
public class ConfigRoutes extends RouteBuilder {

    static final String TOPIC = "hazelcast-topic:govhub-config-reload?hazelcastInstance=#hazelcastInstance";
    static final String ASK_EVERY_NODE = "direct:config-reload-everywhere";

    private final ScheduledTasks tasks;
    private final ConfigReloader reloader;

    public ConfigRoutes(ScheduledTasks tasks, ConfigReloader reloader) {
        this.tasks = tasks;
        this.reloader = reloader;
    }

    @Override
    public void configure() {
        tasks.schedule(this, Task.every("config-check", Duration.ofSeconds(30)).after(Duration.ofSeconds(30))
                .runs(reloader::reloadIfChanged));

        from(ASK_EVERY_NODE).routeId("config-reload-publish")
                .to(TOPIC);

        from(TOPIC).routeId("config-reload-requests")
                .bean(reloader, "requested(${body.messageObject})"); // the body is Hazelcast's Message
    }
}
