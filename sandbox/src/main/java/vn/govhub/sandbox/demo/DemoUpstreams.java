package vn.govhub.sandbox.demo;

import vn.govhub.sandbox.Sandbox;
import vn.govhub.sandbox.agency.AgencySimulator;
import vn.govhub.sandbox.cases.NationalCaseSimulator;
import vn.govhub.sandbox.portal.PortalSimulator;
import vn.govhub.sandbox.tthc.TthcSimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.sandbox.zalo.ZaloWebhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The upstreams of the demo province, each with its demo data: a provincial news portal, the national TTHC database,
 * Zalo (a demo OA with one follower and one citizen who shared a phone, two approved ZNS templates, a citizen token
 * {@code demo-citizen-token}), a case-handling system in the national envelope shape that asks every third dossier for
 * a supplement, and the power company's feedback system. Started by the demo module inside the hub's process, or on
 * its own by {@link SandboxMain} for several hubs to share.
 */
public final class DemoUpstreams implements AutoCloseable {

    /** Loopback ports and catalogue size (the demo's: 18081–18085, 2,000 procedures). */
    public record Ports(int portal, int tthc, int zalo, int cases, int agency, int procedures) {
        public static Ports demo() {
            return new Ports(18081, 18082, 18083, 18084, 18085, 2_000);
        }
    }

    /** How the upstreams reach the hub, and how fast they move on their own. */
    public record Hub(URI baseUrl, String casesCallbackSecret, String agencyCallbackSecret, Duration casesAdvanceEvery,
                      Duration agencyAnswerEvery) {
    }

    private final PortalSimulator portal;
    private final TthcSimulator tthc;
    private final ZaloSimulator zalo;
    private final NationalCaseSimulator cases;
    private final AgencySimulator agency;
    private final Sandbox sandbox;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-upstreams");
        t.setDaemon(true);
        return t;
    });

    private DemoUpstreams(Ports ports) {
        portal = new PortalSimulator(ports.portal(), Instant.now(), Clock.systemUTC());
        tthc = new TthcSimulator(ports.tthc(), ports.procedures());
        zalo = new ZaloSimulator(ports.zalo());
        cases = new NationalCaseSimulator(ports.cases());
        agency = new AgencySimulator(ports.agency());
        sandbox = Sandbox.start(portal, tthc, zalo, cases, agency);
        zalo.follow("demo-oa-user-1");
        zalo.userToken("demo-citizen-token", "demo-app-user-1", "Công dân Demo"); // curl -H 'X-Zalo-Access-Token: demo-citizen-token'
        zalo.registerTemplate("231001", Set.of("ma_ho_so", "ten_thu_tuc"));
        zalo.registerTemplate("231002", Set.of("ma_ho_so"));
        cases.supplementEvery(3);
    }

    public static DemoUpstreams start(Ports ports) {
        return new DemoUpstreams(ports);
    }

    /**
     * Once the hub listens: the case system and the agency system call it back (signed) and move on their own timers,
     * a citizen follows the OA and another shares a phone (signed webhooks), and Zalo's receipts flow back to the hub.
     */
    public void connect(Hub hub) {
        String base = hub.baseUrl().toString().replaceAll("/$", "");
        cases.callbacksTo(URI.create(base + "/webhooks/cases/demo"), hub.casesCallbackSecret());
        agency.callbacksTo(URI.create(base + "/webhooks/agencies/demo/dien-luc"), hub.agencyCallbackSecret());
        if (hub.agencyAnswerEvery().toMillis() > 0) {
            agency.autoAnswerEvery(hub.agencyAnswerEvery());
        }
        long every = hub.casesAdvanceEvery().toMillis();
        if (every > 0) {
            timers.scheduleWithFixedDelay(cases::advance, every, every, TimeUnit.MILLISECONDS);
        }
        ZaloWebhooks webhooks = new ZaloWebhooks(zalo, URI.create(base + "/webhooks/zalo"));
        webhooks.deliver(webhooks.follow("demo-oa-user-1", "demo-app-user-1"));
        webhooks.deliver(webhooks.userSubmitInfo("demo-oa-user-2", "demo-app-user-2", "Công dân Demo", "0912345678", "Tây Ninh"));
        zalo.sendReceiptsTo(webhooks);
    }

    public PortalSimulator portal() {
        return portal;
    }

    public TthcSimulator tthc() {
        return tthc;
    }

    public ZaloSimulator zalo() {
        return zalo;
    }

    public NationalCaseSimulator cases() {
        return cases;
    }

    public AgencySimulator agency() {
        return agency;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        sandbox.close();
    }
}
