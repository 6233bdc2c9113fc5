package vn.govhub.catalogue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.config.ProvinceSection;
import vn.govhub.platform.schedule.ScheduledTasks;
import vn.govhub.platform.schedule.Task;
import vn.govhub.reload.ConfigReloader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue's tasks: each province's sync on its cron (Quartz, in the province's zone), run by one node at a time,
 * following the province files as they are reloaded; and admin-requested syncs, one at a time through a queue.
 */
@Component
public class CatalogueRoutes extends RouteBuilder implements ConfigReloader.Listener {

    /** The {@code catalogue} section of the province files belongs to this flow. */
    @Bean
    static ProvinceSection<CatalogueSection> catalogueSection() {
        return CatalogueSection.SECTION;
    }

    static final String SYNC_QUEUE = "seda:catalogue-sync?size=16&blockWhenFull=false";

    private final ProvinceRegistry provinces;
    private final ObjectProvider<CatalogueSearch> search;
    private final ScheduledTasks tasks;
    /** The sync task each province runs now, by province. */
    private final Map<String, Task> running = new ConcurrentHashMap<>();

    public CatalogueRoutes(ProvinceRegistry provinces, ObjectProvider<CatalogueSearch> search, ScheduledTasks tasks) {
        this.provinces = provinces;
        this.search = search;
        this.tasks = tasks;
    }

    @Override
    public void configure() {
        for (ProvinceProperties province : provinces.enabled()) {
            if (CatalogueSection.of(province).enabled()) {
                Task sync = sync(province);
                tasks.schedule(this, sync);
                running.put(province.id(), sync);
            }
        }
        from(SYNC_QUEUE).routeId("catalogue-sync-requested")
                .bean("catalogueSync", "run(${header.province}, 'admin')");
    }

    /** The scheduled sync of one province. */
    static Task sync(ProvinceProperties province) {
        return Task.cron("catalogue-sync-" + province.id(), CatalogueSection.of(province).syncCron(), province.zone()).onLeader()
                .calls("catalogueSync", "run('" + province.id() + "','schedule')");
    }

    /**
     * After a configuration reload: syncs of provinces that no longer have a catalogue stop, changed schedules are
     * made again, and a province that gains its catalogue gets its sync and its search index.
     */
    @Override
    public synchronized void reloaded(ProvinceRegistry.Snapshot snapshot) {
        Map<String, ProvinceProperties> wanted = new LinkedHashMap<>();
        snapshot.provinces().stream().filter(p -> p.enabled() && CatalogueSection.of(p).enabled()).forEach(p -> wanted.put(p.id(), p));
        try {
            for (String id : List.copyOf(running.keySet())) {
                ProvinceProperties now = wanted.get(id);
                if (now == null || !sync(now).equals(running.get(id))) {
                    tasks.remove(getContext(), running.remove(id).id());
                }
            }
            for (ProvinceProperties province : wanted.values()) {
                if (!running.containsKey(province.id())) {
                    boolean added = search.getObject().size(province.id()) == 0;
                    tasks.add(getContext(), sync(province));
                    running.put(province.id(), sync(province));
                    if (added) {
                        search.getObject().rebuild(province.id());
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("catalogue syncs could not follow the reloaded configuration: " + e.getMessage(), e);
        }
    }
}
