package vn.govhub.sandbox.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govhub.connectors.cases.CallbackSignature;
import vn.govhub.connectors.cases.CaseStatus;
import vn.govhub.connectors.cases.CaseSystem;
import vn.govhub.connectors.cases.CaseSystemException;
import vn.govhub.connectors.cases.CaseSystemSettings;
import vn.govhub.connectors.cases.CaseSystems;
import vn.govhub.connectors.cases.Forwarded;
import vn.govhub.sandbox.Fault;

/** The LGSP document-sync adapter against its simulator: upsert exactly once, supplements, callbacks, errors. */
class LgspCaseSystemTest {

    private static final LgspCaseSimulator SIMULATOR = start();

    private static LgspCaseSimulator start() {
        LgspCaseSimulator simulator = new LgspCaseSimulator(0);
        simulator.start();
        return simulator;
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    private CaseSystem cases;

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
        cases = system(LgspCaseSimulator.CLIENT_SECRET);
    }

    private static CaseSystem system(String secret) {
        return CaseSystems.create(new CaseSystemSettings(CaseSystemSettings.Shape.LGSP, SIMULATOR.baseUrl(), Map.of(), "000.00.00.H56",
                null, null, SIMULATOR.clientId(), secret, Duration.ofSeconds(2), Duration.ofSeconds(1), null));
    }

    @Test
    void aDocumentIsSyncedOnceAndAResendUpdatesIt() {
        Forwarded first = cases.forward(CaseSamples.dossier("H56.14-261128-0001"));
        assertThat(first.alreadyPresent()).isFalse();
        assertThat(first.status().statusCode()).isEqualTo("0");
        var wire = SIMULATOR.dossier("H56.14-261128-0001").dossier();
        assertThat(wire.path("DocTypeCode").asText()).isEqualTo("2.008919");
        assertThat(wire.path("DocTypeName").asText()).isEqualTo("Đăng ký kết hôn");
        assertThat(wire.path("CitizenName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(wire.path("ApplicantsId").asText()).isEqualTo("079203001234");
        assertThat(wire.path("AgencyCode").asText()).isEqualTo("000.00.00.H56");
        assertThat(wire.path("DateReceived").asText()).isEqualTo("20261128093000");
        assertThat(wire.path("HasSupplementary").asBoolean()).isFalse();
        assertThat(wire.path("Attachments").get(0).path("Url").asText()).isEqualTo("https://hub/files/f1");
        assertThat(wire.path("DocPapers").get(0).path("PaperCode").asText()).isEqualTo("2.008919-GT01");
        assertThat(wire.path("DocFees").get(0).path("FeeCode").asText()).isEqualTo("LP1");
        assertThat(SIMULATOR.received("/Document/SyncDocument").get(0).header("Idempotency-Key")).isPresent();

        Forwarded again = cases.forward(CaseSamples.dossier("H56.14-261128-0001"));
        assertThat(again.alreadyPresent()).isTrue();
        assertThat(SIMULATOR.count()).isEqualTo(1);
        assertThat(SIMULATOR.dossier("H56.14-261128-0001").pushes()).isEqualTo(2);
        assertThat(SIMULATOR.tokensIssued()).isEqualTo(1);
    }

    @Test
    void aSupplementIsTheDocumentSyncedAgainWithItAndLgspHasNoWithdrawal() {
        var dossier = CaseSamples.dossier("H56.14-261128-0002");
        cases.forward(dossier);
        SIMULATOR.setStatus(dossier.code(), "3", "Bổ sung giấy xác nhận");
        CaseStatus asked = cases.lookup(dossier.code()).orElseThrow();
        assertThat(asked.statusCode()).isEqualTo("3");
        assertThat(asked.supplementRequest()).isEqualTo("Bổ sung giấy xác nhận");
        var supplemented = CaseSamples.withSupplement(dossier, "s-1");
        cases.supplement(supplemented, supplemented.supplements().get(0));
        var held = SIMULATOR.dossier(dossier.code());
        assertThat(held.status()).isEqualTo("2");
        assertThat(held.dossier().path("HasSupplementary").asBoolean()).isTrue();
        assertThat(held.dossier().path("Supplementaries").get(0).path("Attachments").get(0).path("FileName").asText()).isEqualTo("xac-nhan.pdf");
        assertThat(cases.lookup("H56.14-000000-0000")).isEmpty();
        assertThat(cases.supportsWithdrawal()).isFalse();
        assertThatThrownBy(() -> cases.withdraw(dossier.code(), "x")).isInstanceOf(CaseSystemException.Permanent.class);
    }

    @Test
    void tracesArriveSignedAndAreReadBack() throws Exception {
        try (CaseSamples.Receiver receiver = new CaseSamples.Receiver()) {
            SIMULATOR.callbacksTo(receiver.url(), "lgsp-callback-secret");
            cases.forward(CaseSamples.dossier("H56.14-261128-0003"));
            SIMULATOR.setStatus("H56.14-261128-0003", "4", null);
            CaseSamples.Callback callback = receiver.next();
            assertThat(new CallbackSignature("lgsp-callback-secret").verify(callback.body(), callback.timestamp(),
                    callback.signature(), Instant.now(), Duration.ofMinutes(5))).isEqualTo(CallbackSignature.Verdict.VALID);
            CaseStatus status = cases.parseCallback(callback.body()).get(0);
            assertThat(status.statusCode()).isEqualTo("4");
            assertThat(status.results()).singleElement().satisfies(r -> assertThat(r.name()).endsWith(".pdf"));
            assertThat(status.progress()).singleElement().satisfies(p -> assertThat(p.department()).contains("Tiếp nhận"));
        }
        assertThat(cases.parseCallback("[{\"DocCode\":\"A\",\"Status\":\"5\"},{\"DocCode\":\"B\",\"Status\":\"2\"}]".getBytes()))
                .extracting(CaseStatus::code).containsExactly("A", "B");
        assertThatThrownBy(() -> cases.parseCallback("{\"Status\":\"5\"}".getBytes())).isInstanceOf(CaseSystemException.Permanent.class);
    }

    @Test
    void businessErrorsArePermanentAndTransportErrorsTransient() {
        var nameless = new vn.govhub.connectors.cases.CaseDossier("id", "H56.14-261128-0009", "2.008919", null, null, null, null,
                new vn.govhub.connectors.cases.CaseDossier.Applicant("", "1", 1, null, null, null), null, Instant.now(), null,
                vn.govhub.connectors.cases.CaseDossier.ReturnMethod.DESK, null, null, null, null, null);
        assertThatThrownBy(() -> cases.forward(nameless)).isInstanceOf(CaseSystemException.Permanent.class).hasMessageContaining("ErrorCode 2");
        assertThat(SIMULATOR.count()).isZero();
        SIMULATOR.failNext(1, Fault.status(502));
        assertThatThrownBy(() -> cases.lookup("x")).isInstanceOf(CaseSystemException.Transient.class);
        SIMULATOR.failAlways(Fault.connectionReset()); // always: the JDK client retries an idempotent GET once by itself
        assertThatThrownBy(() -> cases.lookup("x")).isInstanceOf(CaseSystemException.Transient.class);
        SIMULATOR.clearFaults();
        SIMULATOR.expireTokens();
        assertThat(cases.lookup("x")).isEmpty();
        assertThat(SIMULATOR.tokensIssued()).isEqualTo(2);
        assertThatThrownBy(() -> system("wrong").lookup("x")).isInstanceOf(CaseSystemException.Permanent.class)
                .hasMessageContaining("HTTP 401");
    }
}
