package vn.govhub.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.govhub.connectors.agency.AgencySystem;
import vn.govhub.connectors.agency.AgencySystemException;
import vn.govhub.connectors.agency.AgencySystemSettings;
import vn.govhub.connectors.cases.CaseSystemException;
import vn.govhub.connectors.cases.CaseSystemSettings;
import vn.govhub.connectors.cases.NationalCaseSystem;
import vn.govhub.connectors.tthc.TthcClient;
import vn.govhub.connectors.tthc.TthcException;
import vn.govhub.connectors.tthc.TthcSettings;
import vn.govhub.sandbox.agency.AgencySimulator;
import vn.govhub.sandbox.agency.AgencySystemTest;
import vn.govhub.sandbox.cases.CaseSamples;
import vn.govhub.sandbox.cases.NationalCaseSimulator;
import vn.govhub.sandbox.tthc.TthcSimulator;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue, case-system and agency clients against simulators that drip their answers (a piece a second for a
 * minute) or send far more than an answer can be: each call ends by its read timeout as a whole (not per packet),
 * as a transient failure to retry; an oversized answer is refused as permanent, without being read whole.
 */
class SlowAndLargeAnswersTest {

    private static final Duration READ = Duration.ofSeconds(1);
    private static final TthcSimulator TTHC = started(new TthcSimulator(0, 5));
    private static final NationalCaseSimulator CASES = started(new NationalCaseSimulator(0));
    private static final AgencySimulator AGENCY = started(new AgencySimulator(0));

    private static <T extends Simulator> T started(T simulator) {
        simulator.start();
        return simulator;
    }

    @AfterAll
    static void stop() {
        TTHC.close();
        CASES.close();
        AGENCY.close();
    }

    private static final Fault DRIP = Fault.drip(Duration.ofSeconds(60), 60);

    @Test
    void aDrippingCatalogueAnswerEndsAtTheReadTimeout() {
        TTHC.failNext(1, DRIP);
        long started = System.nanoTime();
        assertThatThrownBy(() -> tthc().listProcedures()).isInstanceOf(TthcException.Transient.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aDrippingCaseSystemAnswerEndsAtTheReadTimeout() {
        CASES.failNext(1, DRIP);
        long started = System.nanoTime();
        assertThatThrownBy(() -> cases().forward(CaseSamples.dossier("H56.14-261204-0001")))
                .isInstanceOf(CaseSystemException.Transient.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aDrippingAgencyAnswerEndsAtTheReadTimeout() {
        AGENCY.failNext(1, DRIP);
        long started = System.nanoTime();
        assertThatThrownBy(() -> agency().deliver(AgencySystemTest.feedback("fb-drip")))
                .isInstanceOf(AgencySystemException.Transient.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAnswerLargerThanAnyAnswerIsRefusedAsPermanent() {
        String huge = "{\"data\":\"" + "x".repeat(9 << 20) + "\"}";
        CASES.failNext(1, Fault.malformed(huge, "application/json"));
        assertThatThrownBy(() -> cases().forward(CaseSamples.dossier("H56.14-261204-0002")))
                .isInstanceOf(CaseSystemException.Permanent.class).hasMessageContaining("larger than");
        AGENCY.failNext(1, Fault.malformed(huge, "application/json"));
        assertThatThrownBy(() -> agency().deliver(AgencySystemTest.feedback("fb-huge")))
                .isInstanceOf(AgencySystemException.Permanent.class).hasMessageContaining("larger than");
    }

    private static TthcClient tthc() {
        return new TthcClient(new TthcSettings(TTHC.baseUrl(), TthcSimulator.DEFAULT_AUTH_PATH, TthcSimulator.DEFAULT_INTEGRATION_PATH,
                TthcSimulator.DEFAULT_UNIT_CODE, TthcSimulator.DEFAULT_USERNAME, TthcSimulator.DEFAULT_PASSWORD, Duration.ofSeconds(1),
                READ, Set.of(401)));
    }

    private static NationalCaseSystem cases() {
        return new NationalCaseSystem(new CaseSystemSettings(CaseSystemSettings.Shape.NATIONAL, CASES.baseUrl(), Map.of(),
                CASES.unitCode(), CASES.username(), CASES.password(), null, null, Duration.ofSeconds(1), READ,
                CaseSystemSettings.FieldMapping.NONE));
    }

    private static AgencySystem agency() {
        return new AgencySystem(new AgencySystemSettings("sotnmt", AGENCY.baseUrl(), null,
                AgencySystemSettings.Auth.bearer(AgencySimulator.DEFAULT_TOKEN), Duration.ofSeconds(1), READ, null, null));
    }
}
