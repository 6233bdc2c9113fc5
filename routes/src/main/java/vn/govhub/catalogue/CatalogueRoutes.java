package vn.govhub.catalogue;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;
import vn.govhub.api.ProblemResponses;
import vn.govhub.config.ConfigReloader;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.search.SearchResult;

/**
 * The catalogue's routes: a scheduled sync per province (Quartz cron, on its leader only), admin-triggered syncs
 * (one at a time through a queue), and {@code /api/v1/procedures}, {@code /api/v1/sectors}.
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

        rest("/procedures").description("Administrative procedures (thủ tục hành chính) of the province")
                .get().description("Search: accents optional, one typo per word tolerated, prefix of the last word")
                    .param().name("province").type(RestParamType.query).description("province id (optional when the hub serves one)").endParam()
                    .param().name("q").type(RestParamType.query).description("words, e.g. 'dang ky khai sinh'").endParam()
                    .param().name("sector").type(RestParamType.query).description("sector code").endParam()
                    .param().name("level").type(RestParamType.query).description("central, province, district, commune").endParam()
                    .param().name("agency").type(RestParamType.query).description("implementing agency code").endParam()
                    .param().name("online").type(RestParamType.query).description("full, partial, info_only").endParam()
                    .param().name("cursor").type(RestParamType.query).endParam()
                    .param().name("limit").type(RestParamType.query).dataType("integer").defaultValue("20").endParam()
                    .produces("application/json").outType(SearchResult.class)
                    .responseMessage().code(400).message("Invalid parameters (problem+json)").endResponseMessage()
                    .to("direct:api-procedures-search")
                .get("/{code}").description("One procedure: documents, forms, steps, time, fees, legal basis")
                    .param().name("code").type(RestParamType.path).endParam()
                    .produces("application/json").outType(CatalogueApi.ProcedureView.class)
                    .responseMessage().code(404).message("No such procedure").endResponseMessage()
                    .to("direct:api-procedures-get")
                .get("/{code}/forms/{formId}").description("The form template file of a required document")
                    .param().name("code").type(RestParamType.path).endParam()
                    .param().name("formId").type(RestParamType.path).description("the document's code (MAGIAYTO)").endParam()
                    .bindingMode(RestBindingMode.off)
                    .produces("application/pdf")
                    .responseMessage().code(200).message("The form file (PDF, Word, Excel or OpenDocument)").endResponseMessage()
                    .responseMessage().code(404).message("No such procedure or form").endResponseMessage()
                    .responseMessage().code(502).message("The form's source failed or sent no document").endResponseMessage()
                    .to("direct:api-procedures-form");
        rest("/sectors").description("Sectors (lĩnh vực) of the catalogue")
                .get().produces("application/json").outType(CatalogueApi.SectorView[].class)
                    .to("direct:api-sectors");

        from("direct:api-procedures-search").routeId("api-procedures-search").routeConfigurationId(ProblemResponses.API_ERRORS)
                .bean("catalogueApi", "searchProcedures");
        from("direct:api-procedures-get").routeId("api-procedures-get").routeConfigurationId(ProblemResponses.API_ERRORS)
                .bean("catalogueApi", "procedure");
        from("direct:api-procedures-form").routeId("api-procedures-form").routeConfigurationId(ProblemResponses.API_ERRORS)
                .bean("catalogueApi", "form");
        from("direct:api-sectors").routeId("api-sectors").routeConfigurationId(ProblemResponses.API_ERRORS)
                .bean("catalogueApi", "sectors");
    }
}
