package vn.govhub.demo;

import org.springframework.context.annotation.Bean;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import vn.govhub.sandbox.portal.PortalSimulator;
import vn.govhub.sandbox.tthc.TthcSimulator;

/**
 * The {@code demo} profile: simulators of the upstreams on loopback, started before the routes that call them.
 * Without the profile none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoSandbox {

    @Bean(destroyMethod = "close")
    PortalSimulator portalSimulator(SandboxProperties properties) {
        PortalSimulator portal = new PortalSimulator(properties.portalPort(), Instant.now(), Clock.systemUTC());
        portal.start();
        return portal;
    }

    @Bean(destroyMethod = "close")
    TthcSimulator tthcSimulator(SandboxProperties properties) {
        TthcSimulator tthc = new TthcSimulator(properties.tthcPort(), properties.tthcProcedures());
        tthc.start();
        return tthc;
    }
}
