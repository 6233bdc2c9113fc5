package vn.govhub.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.govhub.sandbox.Sandbox;
import vn.govhub.sandbox.Simulator;
import vn.govhub.sandbox.agency.AgencySimulator;
import vn.govhub.sandbox.cases.IGateCaseSimulator;
import vn.govhub.sandbox.cases.LgspCaseSimulator;
import vn.govhub.sandbox.cases.NationalCaseSimulator;
import vn.govhub.sandbox.portal.PortalSimulator;
import vn.govhub.sandbox.tthc.TthcSimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;

/**
 * The simulated upstreams of one test class: started when the class loads (so their ports are known before the hub's
 * context is built), closed after its last test, and their addresses and credentials handed to the hub under the
 * names the test province files read ({@code test.zalo}, {@code test.tthc-user}, {@code test.cases}, ...).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Upstreams UPSTREAMS = Upstreams.start(new ZaloSimulator(0), new TthcSimulator(0, 40));
 *
 * @DynamicPropertySource
 * static void upstreams(DynamicPropertyRegistry registry) {
 *     UPSTREAMS.register(registry);
 * }
 * }</pre>
 */
public final class Upstreams implements AfterAllCallback {

    private final Sandbox sandbox;

    private Upstreams(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public static Upstreams start(Simulator... simulators) {
        return new Upstreams(Sandbox.start(simulators));
    }

    /** The one simulator of this type. */
    public <T extends Simulator> T get(Class<T> type) {
        return sandbox.get(type);
    }

    /** The {@code test.*} properties of every simulator here, as the test province files use them. */
    public void register(DynamicPropertyRegistry registry) {
        for (Simulator simulator : sandbox.simulators()) {
            if (simulator instanceof ZaloSimulator zalo) {
                registry.add("test.zalo", zalo::baseUrl);
                registry.add("test.zalo-app-id", zalo::appId);
                registry.add("test.zalo-app-secret", zalo::appSecret);
                registry.add("test.zalo-oa-id", zalo::oaId);
                registry.add("test.zalo-oa-secret", zalo::oaSecretKey);
            } else if (simulator instanceof TthcSimulator tthc) {
                registry.add("test.tthc", tthc::baseUrl);
                registry.add("test.tthc-user", () -> TthcSimulator.DEFAULT_USERNAME);
                registry.add("test.tthc-password", () -> TthcSimulator.DEFAULT_PASSWORD);
                registry.add("test.tthc-unit", () -> TthcSimulator.DEFAULT_UNIT_CODE);
            } else if (simulator instanceof NationalCaseSimulator cases) {
                registry.add("test.cases", cases::baseUrl);
                registry.add("test.cases-unit", cases::unitCode);
                registry.add("test.cases-user", cases::username);
                registry.add("test.cases-password", cases::password);
            } else if (simulator instanceof IGateCaseSimulator igate) {
                registry.add("test.igate", igate::baseUrl);
                registry.add("test.igate-secret", igate::clientSecret);
            } else if (simulator instanceof LgspCaseSimulator lgsp) {
                registry.add("test.lgsp", lgsp::baseUrl);
                registry.add("test.lgsp-secret", lgsp::clientSecret);
            } else if (simulator instanceof AgencySimulator agency) {
                registry.add("test.agency", agency::baseUrl);
                registry.add("test.agency-token", () -> AgencySimulator.DEFAULT_TOKEN);
            } else if (simulator instanceof PortalSimulator portal) {
                registry.add("test.portal", portal::baseUrl);
            } else {
                throw new IllegalArgumentException("no test properties known for " + simulator.name());
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sandbox.close();
    }
}
