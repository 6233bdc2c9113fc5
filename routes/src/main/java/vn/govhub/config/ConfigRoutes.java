package vn.govhub.config;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Every node looks for changed province files every {@code govhub.config-check-every} and reloads them. */
@Component
public class ConfigRoutes extends RouteBuilder {

    private final GovhubProperties properties;

    public ConfigRoutes(GovhubProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        long every = properties.configCheckEvery().toMillis();
        if (every > 0) {
            from("timer:config-check?delay=" + every + "&period=" + every).routeId("config-check")
                    .bean("configReloader", "reloadIfChanged");
        }
    }
}
