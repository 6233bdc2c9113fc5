package vn.govhub.demo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import vn.govhub.sandbox.demo.DemoUpstreams;
import vn.govhub.sandbox.agency.AgencySimulator;
import vn.govhub.sandbox.cases.NationalCaseSimulator;
import vn.govhub.sandbox.portal.PortalSimulator;
import vn.govhub.sandbox.tthc.TthcSimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.zalo.OaTokenService;

import java.net.URI;

/**
 * The {@code demo} profile: the demo province's upstreams simulated on loopback ports in this process, started before
 * the routes that call them, and connected to the hub once it listens (the demo OA adopted, as an admin would, with a
 * refresh token from the Zalo simulator). Without the profile none of this exists; the production jar does not even
 * hold it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoSandbox {

    @Bean(destroyMethod = "close")
    DemoUpstreams demoUpstreams(SandboxProperties properties) {
        return DemoUpstreams.start(new DemoUpstreams.Ports(properties.portalPort(), properties.tthcPort(), properties.zaloPort(),
                properties.casesPort(), properties.agencyPort(), properties.tthcProcedures()));
    }

    // each simulator as a bean of its own, for whoever wants to watch one (the upstreams close them)
    @Bean(destroyMethod = "")
    PortalSimulator portalSimulator(DemoUpstreams upstreams) {
        return upstreams.portal();
    }

    @Bean(destroyMethod = "")
    TthcSimulator tthcSimulator(DemoUpstreams upstreams) {
        return upstreams.tthc();
    }

    @Bean(destroyMethod = "")
    ZaloSimulator zaloSimulator(DemoUpstreams upstreams) {
        return upstreams.zalo();
    }

    @Bean(destroyMethod = "")
    NationalCaseSimulator caseSimulator(DemoUpstreams upstreams) {
        return upstreams.cases();
    }

    @Bean(destroyMethod = "")
    AgencySimulator agencySimulator(DemoUpstreams upstreams) {
        return upstreams.agency();
    }

    @Bean
    ApplicationListener<WebServerInitializedEvent> demoConnected(DemoUpstreams upstreams, SandboxProperties properties,
                                                                ObjectProvider<OaTokenService> tokens, Environment environment) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() != null) {
                return; // the management server, if separate
            }
            tokens.getObject().adoptRefreshToken("demo", upstreams.zalo().issueRefreshToken());
            upstreams.connect(new DemoUpstreams.Hub(URI.create("http://127.0.0.1:" + event.getWebServer().getPort()),
                    environment.getProperty("govhub.sandbox.cases-callback-secret", "demo-callback-secret"),
                    environment.getProperty("GOVHUB_DEMO_AGENCY_CALLBACK_SECRET", "demo-agency-callback-secret"),
                    properties.casesAdvanceEvery(), properties.agencyAnswerEvery()));
        };
    }
}
