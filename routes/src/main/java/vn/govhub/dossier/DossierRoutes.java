package vn.govhub.dossier;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The dossier flow's routes: the outbox forwarder (every node), status polling and retention (leader only). The
 * mini app's resources are in {@link DossierController}.
 */
@Component
public class DossierRoutes extends RouteBuilder {

    private final DossierSettings settings;

    public DossierRoutes(DossierSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        from("timer:dossier-forward?delay=1000&period=" + settings.tick().toMillis()).routeId("dossier-forward")
                .bean("dossierForwarder", "forwardDue");
        from("timer:dossier-poll?delay=5000&period=1000").routeId("dossier-poll")
                .filter().method("leadership", "isLeader('dossier-poll')")
                    .bean("dossierPoller", "pollDue")
                .end();
        from("timer:dossier-retention?delay=60000&period=3600000").routeId("dossier-retention")
                .filter().method("leadership", "isLeader('dossier-retention')")
                    .bean("dossierPoller", "retention")
                .end();
    }
}
