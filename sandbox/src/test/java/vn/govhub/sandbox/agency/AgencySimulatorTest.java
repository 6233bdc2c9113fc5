package vn.govhub.sandbox.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govhub.connectors.agency.AgencyCallback;
import vn.govhub.connectors.agency.AgencySystem;
import vn.govhub.connectors.agency.AgencySystemSettings;
import vn.govhub.connectors.agency.AgencyUpdate;
import vn.govhub.connectors.cases.CallbackSignature;
import vn.govhub.connectors.cases.CallbackSignature.Verdict;

/** The simulated agency's lifecycle and its signed callbacks, checked with the hub's own verifier and parser. */
class AgencySimulatorTest {

    private static final String SECRET = "agency-callback-secret";
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-28T02:30:00Z"));
    private static final AgencySimulator SIMULATOR = start();

    private static AgencySimulator start() {
        AgencySimulator simulator = new AgencySimulator(0, CLOCK);
        simulator.start();
        return simulator;
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    private final CallbackSignature signature = new CallbackSignature(SECRET);
    private HubReceiver hub;
    private AgencySystem agency;

    @BeforeEach
    void setUp() throws IOException {
        SIMULATOR.reset();
        hub = new HubReceiver();
        SIMULATOR.callbacksTo(hub.url(), SECRET);
        agency = new AgencySystem(AgencySystemSettings.of("sotnmt", SIMULATOR.baseUrl(),
                AgencySystemSettings.Auth.bearer(AgencySimulator.DEFAULT_TOKEN)));
    }

    @AfterEach
    void tearDown() {
        SIMULATOR.autoAnswerEvery(null);
        hub.close();
    }

    /** The next callback, its signature checked, read with the hub's parser. */
    private AgencyUpdate nextUpdate() throws InterruptedException {
        HubReceiver.Callback callback = hub.next();
        assertThat(signature.verify(callback.body(), callback.timestamp(), callback.signature(), CLOCK.instant(), WINDOW))
                .isEqualTo(Verdict.VALID);
        return AgencyCallback.parseCallback(callback.body()).get(0);
    }

    @Test
    void receiptIsCalledBackSignedAndReadable() throws InterruptedException {
        String ticket = agency.deliver(AgencySystemTest.feedback("fb-1")).ticketId();

        AgencyUpdate received = nextUpdate();
        assertThat(received.feedbackId()).isEqualTo("fb-1");
        assertThat(received.ticketId()).isEqualTo(ticket);
        assertThat(received.state()).isEqualTo(AgencyUpdate.RECEIVED);
        assertThat(received.handler()).isEqualTo(AgencySimulator.HANDLER);
        assertThat(received.at()).isEqualTo(CLOCK.instant());
    }

    @Test
    void theAnswerComesOnceTheDelayHasPassedOnTheClock() throws InterruptedException {
        SIMULATOR.answerAfter(Duration.ofHours(2));
        agency.deliver(AgencySystemTest.feedback("fb-1"));
        assertThat(nextUpdate().state()).isEqualTo(AgencyUpdate.RECEIVED);

        assertThat(SIMULATOR.advance()).isZero();
        CLOCK.advance(Duration.ofHours(2));
        assertThat(SIMULATOR.advance()).isEqualTo(1);
        assertThat(nextUpdate().state()).isEqualTo(AgencyUpdate.RESOLVING);
        assertThat(SIMULATOR.advance()).isZero();

        CLOCK.advance(Duration.ofHours(2));
        assertThat(SIMULATOR.advance()).isEqualTo(1);
        AgencyUpdate resolved = nextUpdate();
        assertThat(resolved.state()).isEqualTo(AgencyUpdate.RESOLVED);
        assertThat(resolved.note()).isEqualTo(AgencySimulator.DEFAULT_ANSWER);
        assertThat(SIMULATOR.advance()).isZero();
        assertThat(SIMULATOR.held("fb-1").state()).isEqualTo(AgencySimulator.RESOLVED);
    }

    @Test
    void refusalsAndTransfersAreCalledBackWithTheirStateAndReason() throws InterruptedException {
        agency.deliver(AgencySystemTest.feedback("fb-1"));
        agency.deliver(AgencySystemTest.feedback("fb-2"));
        agency.deliver(AgencySystemTest.feedback("fb-3"));
        for (int i = 0; i < 3; i++) {
            assertThat(nextUpdate().state()).isEqualTo(AgencyUpdate.RECEIVED);
        }

        SIMULATOR.reject("fb-1", "Nội dung không thuộc thẩm quyền giải quyết");
        AgencyUpdate refused = nextUpdate();
        assertThat(refused.state()).isEqualTo(AgencyUpdate.RECEPTION_REFUSED);
        assertThat(refused.note()).isEqualTo("Nội dung không thuộc thẩm quyền giải quyết");

        SIMULATOR.transfer("fb-2", "ubnd-hoa-thanh", "Thuộc thẩm quyền UBND thị xã Hòa Thành");
        AgencyUpdate transferred = nextUpdate();
        assertThat(transferred.feedbackId()).isEqualTo("fb-2");
        assertThat(transferred.state()).isEqualTo(AgencyUpdate.WAITING_RECEPTION);
        assertThat(transferred.transferTo()).isEqualTo("ubnd-hoa-thanh");

        assertThat(SIMULATOR.advance()).isEqualTo(1); // only fb-3 is still open here
        assertThat(nextUpdate().state()).isEqualTo(AgencyUpdate.RESOLVING);
        SIMULATOR.reject("fb-3", "Không đủ cơ sở xử lý");
        assertThat(nextUpdate().state()).isEqualTo(AgencyUpdate.RESOLUTION_REFUSED);

        assertThatThrownBy(() -> SIMULATOR.reject("fb-3", "again")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SIMULATOR.transfer("nope", "x", "y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallbackTheHubFailsIsRetried() throws InterruptedException {
        hub.answerNext(500, 503);
        agency.deliver(AgencySystemTest.feedback("fb-1"));

        byte[] first = hub.next().body();
        assertThat(hub.next().body()).isEqualTo(first);
        assertThat(nextUpdate().state()).isEqualTo(AgencyUpdate.RECEIVED);
        assertThat(SIMULATOR.callbacksSent()).isEqualTo(3);
    }

    @Test
    void aSpoiledCallbackIsSpoiledOnceAndTheVerifierSeesHow() throws InterruptedException {
        agency.deliver(AgencySystemTest.feedback("fb-1"));
        nextUpdate();

        SIMULATOR.failNextCallback(AgencySimulator.CallbackFault.WRONG_SIGNATURE);
        SIMULATOR.advance();
        assertThat(verdict(hub.next())).isEqualTo(Verdict.INVALID);

        SIMULATOR.failNextCallback(AgencySimulator.CallbackFault.MISSING_SIGNATURE);
        SIMULATOR.setState("fb-1", AgencyUpdate.WAITING_APPROVAL, "Chờ lãnh đạo phê duyệt");
        assertThat(verdict(hub.next())).isEqualTo(Verdict.MISSING);

        SIMULATOR.failNextCallback(AgencySimulator.CallbackFault.STALE_TIMESTAMP);
        SIMULATOR.setState("fb-1", AgencyUpdate.RESOLVING, "Phê duyệt lại");
        assertThat(verdict(hub.next())).isEqualTo(Verdict.STALE);

        SIMULATOR.advance();
        assertThat(nextUpdate().state()).isEqualTo(AgencyUpdate.RESOLVED);
    }

    @Test
    void theBackgroundScheduleAnswersWithoutBeingAsked() throws InterruptedException {
        agency.deliver(AgencySystemTest.feedback("fb-1"));
        SIMULATOR.autoAnswerEvery(Duration.ofMillis(20));

        assertThat(nextUpdate().state()).isEqualTo(AgencyUpdate.RECEIVED);
        assertThat(nextUpdate().state()).isEqualTo(AgencyUpdate.RESOLVING);
        assertThat(nextUpdate().state()).isEqualTo(AgencyUpdate.RESOLVED);
    }

    private Verdict verdict(HubReceiver.Callback callback) {
        return signature.verify(callback.body(), callback.timestamp(), callback.signature(), CLOCK.instant(), WINDOW);
    }
}
