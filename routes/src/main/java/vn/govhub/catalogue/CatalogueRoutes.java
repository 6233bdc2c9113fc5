package vn.govhub.catalogue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.govhub.config.ConfigReloader;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;

/**
 * The catalogue's routes: a scheduled sync per province (Quartz cron, on its leader only), admin-triggered syncs
 * (one at a time through a queue).
 */
@Component
public class CatalogueRoutes extends RouteBuilder implements ConfigReloader.Listener {

    static final String SYNC_QUEUE = "seda:catalogue-sync?size=16&blockWhenFull=false";

    private final ProvinceRegistry provinces;
    private final org.springframework.beans.factory.ObjectProvider<CatalogueSearch> search;
    /** The schedule each running sync route was made with ("cron zone"), by province. */
    private final java.util.Map<String, String> running = new java.util.concurrent.ConcurrentHashMap<>();

    public CatalogueRoutes(ProvinceRegistry provinces, org.springframework.beans.factory.ObjectProvider<CatalogueSearch> search) {
        this.provinces = provinces;
        this.search = search;
    }

    /** The scheduled sync of one province (leader only). */
    private void syncRoute(RouteBuilder builder, ProvinceProperties province) {
        String routeId = "catalogue-sync-" + province.id();
        builder.from("quartz:catalogue/" + province.id() + "?cron=" + province.catalogue().syncCron().replace(' ', '+')
                        + "&trigger.timeZone=" + province.zone().getId())
                .routeId(routeId)
                .filter().method("leadership", "isLeader('" + routeId + "')")
                    .bean("catalogueSync", "run('" + province.id() + "', 'schedule')")
                .end();
        running.put(province.id(), schedule(province));
    }

    private static String schedule(ProvinceProperties province) {
        return province.catalogue().syncCron() + " " + province.zone().getId();
    }

    /**
     * After a configuration reload: syncs of provinces that no longer have a catalogue stop, changed schedules are
     * made again, and a province that gains its catalogue gets its sync and its search index.
     */
    @Override
    public synchronized void reloaded(ProvinceRegistry.Snapshot snapshot) {
        java.util.Map<String, ProvinceProperties> wanted = new java.util.LinkedHashMap<>();
        snapshot.provinces().stream().filter(p -> p.enabled() && p.catalogue().enabled()).forEach(p -> wanted.put(p.id(), p));
        try {
            for (String id : java.util.List.copyOf(running.keySet())) {
                ProvinceProperties now = wanted.get(id);
                if (now == null || !schedule(now).equals(running.get(id))) {
                    getContext().getRouteController().stopRoute("catalogue-sync-" + id);
                    getContext().removeRoute("catalogue-sync-" + id);
                    running.remove(id);
                }
            }
            for (ProvinceProperties province : wanted.values()) {
                if (!running.containsKey(province.id())) {
                    boolean added = search.getObject().size(province.id()) == 0;
                    getContext().addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            syncRoute(this, province);
                        }
                    });
                    if (added) {
                        search.getObject().rebuild(province.id());
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("catalogue syncs could not follow the reloaded configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public void configure() {
        for (ProvinceProperties province : provinces.enabled()) {
            if (province.catalogue().enabled()) {
                syncRoute(this, province);
            }
        }

        from(SYNC_QUEUE).routeId("catalogue-sync-requested")
                .bean("catalogueSync", "run(${header.province}, 'admin')");
    }
}
