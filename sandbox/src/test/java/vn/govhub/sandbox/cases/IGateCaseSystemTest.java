package vn.govhub.sandbox.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govhub.connectors.cases.CallbackSignature;
import vn.govhub.connectors.cases.CaseStatus;
import vn.govhub.connectors.cases.CaseSystemException;
import vn.govhub.connectors.cases.CaseSystemSettings;
import vn.govhub.connectors.cases.Forwarded;
import vn.govhub.connectors.cases.IGateCaseSystem;
import vn.govhub.sandbox.Fault;
import vn.govhub.sandbox.Received;

/** The iGate adapter against its simulator: OAuth2 token life, exactly once, supplements, withdrawal, callbacks, errors. */
class IGateCaseSystemTest {

    /** One clock for the simulator's token expiry and the adapter's renewal. */
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-11-28T02:00:00Z"));
    private static final Clock CLOCK = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.fixed(NOW.get(), zone);
        }

        @Override
        public Instant instant() {
            return NOW.get();
        }
    };
    private static final IGateCaseSimulator SIMULATOR = start();

    private static IGateCaseSimulator start() {
        IGateCaseSimulator simulator = new IGateCaseSimulator(0, CLOCK);
        simulator.start();
        return simulator;
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    private IGateCaseSystem cases;

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
        cases = system(IGateCaseSimulator.CLIENT_SECRET, CaseSystemSettings.FieldMapping.NONE);
    }

    private static IGateCaseSystem system(String secret, CaseSystemSettings.FieldMapping fields) {
        return new IGateCaseSystem(new CaseSystemSettings(CaseSystemSettings.Shape.IGATE, SIMULATOR.baseUrl(), Map.of(),
                SIMULATOR.realm(), null, null, SIMULATOR.clientId(), secret, Duration.ofSeconds(2), Duration.ofSeconds(1), fields), CLOCK);
    }

    @Test
    void forwardWritesTheRestFieldsAndAResendUpdatesInsteadOfDuplicating() {
        Forwarded first = cases.forward(CaseSamples.dossier("H56.14-261128-0001"));
        assertThat(first.alreadyPresent()).isFalse();
        assertThat(first.status().statusCode()).isEqualTo("0");
        assertThat(first.localCode()).isEqualTo(SIMULATOR.dossier("H56.14-261128-0001").localId());
        var wire = SIMULATOR.dossier("H56.14-261128-0001").dossier();
        assertThat(wire.path("procedure").path("code").asText()).isEqualTo("2.008919");
        assertThat(wire.path("applicant").path("data").path("fullname").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(wire.path("applicant").path("data").path("identityNumber").asText()).isEqualTo("079203001234");
        assertThat(wire.path("applyMethod").path("id").asInt()).isEqualTo(2);
        assertThat(wire.path("dossierReceivingKind").path("id").asInt()).isEqualTo(1);
        assertThat(wire.path("appliedDate").asText()).isEqualTo("2026-11-28T09:30:00.000+07:00");
        assertThat(wire.path("attachment").get(0).path("group").asText()).isEqualTo("2.008919-GT01");
        assertThat(wire.path("attachment").get(0).path("url").asText()).isEqualTo("https://hub/files/f1");
        assertThat(wire.path("eForm").path("data").path("ngayDangKy").asText()).isEqualTo("2026-12-01");
        Received create = SIMULATOR.received("/pa/dossier").stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(create.header("Idempotency-Key")).contains("9b2c0a3e-0000-4000-8000-000000000001");

        Forwarded again = cases.forward(CaseSamples.dossier("H56.14-261128-0001"));
        assertThat(again.alreadyPresent()).isTrue();
        assertThat(SIMULATOR.count()).isEqualTo(1);
        assertThat(SIMULATOR.dossier("H56.14-261128-0001").pushes()).isEqualTo(2);
        assertThat(SIMULATOR.duplicatesRefused()).isZero();
        assertThat(SIMULATOR.tokensIssued()).isEqualTo(1);
    }

    @Test
    void aCreateThatLosesTheRaceToAnotherNodeBecomesAnUpdate() {
        // the search misses (the other node's create lands in between): the create answers 409, the adapter updates
        IGateCaseSystem other = system(IGateCaseSimulator.CLIENT_SECRET, CaseSystemSettings.FieldMapping.NONE);
        other.forward(CaseSamples.dossier("H56.14-261128-0002"));
        cases.lookup("warm-up"); // holds a token, so the fault below hits the search
        SIMULATOR.failNext(1, Fault.status(200, "{\"content\":[],\"totalElements\":0}"));
        Forwarded second = cases.forward(CaseSamples.dossier("H56.14-261128-0002"));
        assertThat(second.alreadyPresent()).isTrue();
        assertThat(SIMULATOR.count()).isEqualTo(1);
        assertThat(SIMULATOR.duplicatesRefused()).isEqualTo(1);
        assertThat(SIMULATOR.dossier("H56.14-261128-0002").pushes()).isEqualTo(2);
    }

    @Test
    void tokensAreRenewedBeforeExpiryAndOnceWhenRefused() {
        cases.forward(CaseSamples.dossier("H56.14-261128-0003"));
        assertThat(SIMULATOR.tokensIssued()).isEqualTo(1);
        NOW.updateAndGet(t -> t.plus(Duration.ofMinutes(4).plusSeconds(31))); // within 30 s of the 5 min expiry
        assertThat(cases.lookup("H56.14-261128-0003")).isPresent();
        assertThat(SIMULATOR.tokensIssued()).isEqualTo(2);
        SIMULATOR.expireTokens();
        assertThat(cases.lookup("H56.14-261128-0003")).isPresent();
        assertThat(SIMULATOR.tokensIssued()).isEqualTo(3);
        assertThatThrownBy(() -> system("wrong", CaseSystemSettings.FieldMapping.NONE).lookup("x"))
                .isInstanceOf(CaseSystemException.Permanent.class).hasMessageContaining("token request refused: HTTP 401");
    }

    @Test
    void aSupplementAnswersTheRequestOnceAndWithdrawalEndsTheDossier() throws Exception {
        var dossier = CaseSamples.dossier("H56.14-261128-0004");
        cases.forward(dossier);
        SIMULATOR.setStatus(dossier.code(), "3", "Bổ sung giấy xác nhận");
        CaseStatus asked = cases.lookup(dossier.code()).orElseThrow();
        assertThat(asked.statusCode()).isEqualTo("3");
        assertThat(asked.supplementRequest()).isEqualTo("Bổ sung giấy xác nhận");
        var supplemented = CaseSamples.withSupplement(dossier, "s-1");
        cases.supplement(supplemented, supplemented.supplements().get(0));
        cases.supplement(supplemented, supplemented.supplements().get(0)); // a resend: 409 from iGate, not an error
        assertThat(SIMULATOR.dossier(dossier.code()).status()).isEqualTo("2");
        assertThat(SIMULATOR.dossier(dossier.code()).supplements()).isEqualTo(1);

        cases.withdraw(dossier.code(), "Nộp nhầm thủ tục");
        assertThat(SIMULATOR.dossier(dossier.code()).status()).isEqualTo("6");
        var done = CaseSamples.dossier("H56.14-261128-0005");
        cases.forward(done);
        SIMULATOR.setStatus(done.code(), "4", null);
        assertThat(cases.lookup(done.code()).orElseThrow().results()).hasSize(1);
        assertThatThrownBy(() -> cases.withdraw(done.code(), "Muộn")).isInstanceOf(CaseSystemException.Permanent.class)
                .hasMessageContaining("409");
    }

    @Test
    void callbacksAreSignedAndReadBackByTheAdapter() throws Exception {
        try (CaseSamples.Receiver receiver = new CaseSamples.Receiver()) {
            SIMULATOR.callbacksTo(receiver.url(), "igate-callback-secret");
            cases.forward(CaseSamples.dossier("H56.14-261128-0006"));
            SIMULATOR.advance();
            CaseSamples.Callback callback = receiver.next();
            assertThat(new CallbackSignature("igate-callback-secret").verify(callback.body(), callback.timestamp(),
                    callback.signature(), NOW.get(), Duration.ofMinutes(5))).isEqualTo(CallbackSignature.Verdict.VALID);
            CaseStatus status = cases.parseCallback(callback.body()).get(0);
            assertThat(status.code()).isEqualTo("H56.14-261128-0006");
            assertThat(status.statusCode()).isEqualTo("1");
            assertThat(status.nationalCode()).isEqualTo("G22.H56.14-261128-0006");
            assertThat(status.progress()).singleElement().satisfies(p -> assertThat(p.content()).isEqualTo("Đã tiếp nhận"));
        }
        assertThatThrownBy(() -> cases.parseCallback("{\"data\":[{\"code\":\"A\"}]}".getBytes()))
                .isInstanceOf(CaseSystemException.Permanent.class);
    }

    @Test
    void failuresAreSortedIntoTransientAndPermanent() {
        cases.lookup("warm-up"); // holds a token, so the faults below hit the REST calls
        SIMULATOR.failNext(1, Fault.status(503));
        assertThatThrownBy(() -> cases.lookup("x")).isInstanceOf(CaseSystemException.Transient.class);
        SIMULATOR.failNext(1, Fault.delay(Duration.ofSeconds(3)));
        assertThatThrownBy(() -> cases.lookup("x")).isInstanceOf(CaseSystemException.Transient.class).hasMessageContaining("timed out");
        SIMULATOR.failNext(1, Fault.malformed("<html>", "text/html"));
        assertThatThrownBy(() -> cases.lookup("x")).isInstanceOf(CaseSystemException.Permanent.class);
        var nameless = new vn.govhub.connectors.cases.CaseDossier("id", "H56.14-261128-0009", "2.008919", null, null, null, null,
                new vn.govhub.connectors.cases.CaseDossier.Applicant("", "1", 1, null, null, null), null, Instant.now(), null,
                vn.govhub.connectors.cases.CaseDossier.ReturnMethod.DESK, null, null, null, null, null);
        assertThatThrownBy(() -> cases.forward(nameless)).isInstanceOf(CaseSystemException.Permanent.class).hasMessageContaining("HTTP 400");
        assertThat(SIMULATOR.count()).isZero();
    }

    @Test
    void fieldMappingRenamesAndAddsFields() {
        IGateCaseSystem mapped = system(IGateCaseSimulator.CLIENT_SECRET,
                new CaseSystemSettings.FieldMapping(Map.of("description", "summary"), Map.of("serviceLevel", "4")));
        mapped.forward(CaseSamples.dossier("H56.14-261128-0007"));
        var wire = SIMULATOR.dossier("H56.14-261128-0007").dossier();
        assertThat(wire.has("description")).isFalse();
        assertThat(wire.path("summary").asText()).startsWith("Đăng ký kết hôn");
        assertThat(wire.path("serviceLevel").asText()).isEqualTo("4");
    }
}
