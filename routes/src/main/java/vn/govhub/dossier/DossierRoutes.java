package vn.govhub.dossier;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceSection;
import vn.govhub.platform.schedule.ScheduledTasks;
import vn.govhub.platform.schedule.Task;

import java.time.Duration;

/**
 * The dossier flow's tasks: every node forwards due outbox entries to the province's case-handling system; one node
 * at a time asks the backends that do not call back about open dossiers, and empties the files of dossiers past
 * their retention. The mini app's resources are in {@link DossierController}, the backends' callbacks in
 * {@link CaseWebhookController}.
 */
@Component
public class DossierRoutes extends RouteBuilder {

    /** The {@code dossiers} section of the province files belongs to this flow. */
    @Bean
    static ProvinceSection<DossiersSection> dossiersSection() {
        return DossiersSection.SECTION;
    }

    private final ScheduledTasks tasks;
    private final DossierForwarder forwarder;
    private final DossierPoller poller;

    public DossierRoutes(ScheduledTasks tasks, DossierForwarder forwarder, DossierPoller poller) {
        this.tasks = tasks;
        this.forwarder = forwarder;
        this.poller = poller;
    }

    @Override
    public void configure() {
        tasks.schedule(this, Task.every("dossier-forward", Duration.ofMillis(250)).runs(forwarder::forwardDue));
        tasks.schedule(this, Task.every("dossier-poll", Duration.ofSeconds(1)).after(Duration.ofSeconds(5)).onLeader()
                .runs(poller::pollDue));
        tasks.schedule(this, Task.every("dossier-retention", Duration.ofHours(1)).after(Duration.ofMinutes(1)).onLeader()
                .runs(poller::retention));
    }
}
