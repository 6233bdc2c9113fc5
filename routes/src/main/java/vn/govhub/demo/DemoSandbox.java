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

    /** Zalo, with a connected OA, one follower and one citizen who shared a phone, to watch notifications flow. */
    @Bean(destroyMethod = "close")
    vn.govhub.sandbox.zalo.ZaloSimulator zaloSimulator(SandboxProperties properties) {
        vn.govhub.sandbox.zalo.ZaloSimulator zalo = new vn.govhub.sandbox.zalo.ZaloSimulator(properties.zaloPort());
        zalo.start();
        zalo.follow("demo-oa-user-1");
        zalo.userToken("demo-citizen-token", "demo-app-user-1", "Công dân Demo"); // curl -H 'X-Zalo-Access-Token: demo-citizen-token'
        zalo.registerTemplate("231001", java.util.Set.of("ma_ho_so", "ten_thu_tuc"));
        zalo.registerTemplate("231002", java.util.Set.of("ma_ho_so"));
        return zalo;
    }

    /** The province's case-handling system: dossiers move one status further every {@code cases-advance-every}. */
    @Bean(destroyMethod = "close")
    vn.govhub.sandbox.cases.NationalCaseSimulator caseSimulator(SandboxProperties properties) {
        vn.govhub.sandbox.cases.NationalCaseSimulator cases = new vn.govhub.sandbox.cases.NationalCaseSimulator(properties.casesPort());
        cases.start();
        cases.supplementEvery(3);
        return cases;
    }

    /** The power company's own feedback system: it takes reports and answers them on a timer. */
    @Bean(destroyMethod = "close")
    vn.govhub.sandbox.agency.AgencySimulator agencySimulator(SandboxProperties properties) {
        vn.govhub.sandbox.agency.AgencySimulator agency = new vn.govhub.sandbox.agency.AgencySimulator(properties.agencyPort());
        agency.start();
        return agency;
    }

    /** Once the hub listens: the agency system calls it back (signed) and answers its reports on a timer. */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.web.context.WebServerInitializedEvent> demoAgencyCallbacks(
            vn.govhub.sandbox.agency.AgencySimulator agency, SandboxProperties properties,
            org.springframework.core.env.Environment environment) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() != null) {
                return;
            }
            agency.callbacksTo(java.net.URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + "/webhooks/agencies/demo/dien-luc"),
                    environment.getProperty("GOVHUB_DEMO_AGENCY_CALLBACK_SECRET", "demo-agency-callback-secret"));
            agency.autoAnswerEvery(properties.agencyAnswerEvery());
        };
    }

    @Bean(destroyMethod = "close")
    TthcSimulator tthcSimulator(SandboxProperties properties) {
        TthcSimulator tthc = new TthcSimulator(properties.tthcPort(), properties.tthcProcedures());
        tthc.start();
        return tthc;
    }

    /**
     * Once the hub listens: the demo OA is connected (a refresh token adopted, as an admin would), a citizen follows it
     * and another shares a phone (signed webhooks), and Zalo's receipts flow back to the hub.
     */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.web.context.WebServerInitializedEvent> demoZaloCitizens(
            vn.govhub.sandbox.zalo.ZaloSimulator zalo, org.springframework.beans.factory.ObjectProvider<vn.govhub.zalo.OaTokenService> tokens) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() != null) {
                return; // the management server, if separate
            }
            vn.govhub.sandbox.zalo.ZaloWebhooks webhooks = new vn.govhub.sandbox.zalo.ZaloWebhooks(zalo,
                    java.net.URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + "/webhooks/zalo"));
            tokens.getObject().adoptRefreshToken("demo", zalo.issueRefreshToken());
            webhooks.deliver(webhooks.follow("demo-oa-user-1", "demo-app-user-1"));
            webhooks.deliver(webhooks.userSubmitInfo("demo-oa-user-2", "demo-app-user-2", "Công dân Demo", "0912345678", "Tây Ninh"));
            zalo.sendReceiptsTo(webhooks);
        };
    }

    /** Once the hub listens: the case system calls it back (signed) and advances its dossiers on a timer. */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.web.context.WebServerInitializedEvent> demoCaseCallbacks(
            vn.govhub.sandbox.cases.NationalCaseSimulator cases, SandboxProperties properties,
            org.springframework.core.env.Environment environment) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() != null) {
                return;
            }
            cases.callbacksTo(java.net.URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + "/webhooks/cases/demo"),
                    environment.getProperty("govhub.sandbox.cases-callback-secret", "demo-callback-secret"));
            long every = properties.casesAdvanceEvery().toMillis();
            if (every > 0) {
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "demo-case-system");
                    t.setDaemon(true);
                    return t;
                }).scheduleWithFixedDelay(cases::advance, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        };
    }
}
