package vn.govhub.sandbox.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govhub.connectors.agency.AgencyFeedback;
import vn.govhub.connectors.agency.AgencySystem;
import vn.govhub.connectors.agency.AgencySystemException;
import vn.govhub.connectors.agency.AgencySystemSettings;
import vn.govhub.connectors.agency.AgencySystemSettings.Auth;
import vn.govhub.connectors.agency.Delivered;
import vn.govhub.sandbox.Fault;
import vn.govhub.sandbox.Received;

/** The agency connector against the agency simulator: wire, exactly once, authentication, the error taxonomy. */
public class AgencySystemTest {

    private static final AgencySimulator SIMULATOR = start();

    private static AgencySimulator start() {
        AgencySimulator simulator = new AgencySimulator(0);
        simulator.start();
        return simulator;
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
    }

    public static AgencyFeedback feedback(String id) {
        return new AgencyFeedback(id, "PA-261128-" + id, "MT.01", "Môi trường", "Rác thải ùn ứ trước chợ",
                "Rác để lâu ngày trước cổng chợ, bốc mùi.", Instant.parse("2026-11-28T02:30:00Z"),
                Instant.parse("2026-12-05T10:00:00Z"), new AgencyFeedback.Location(11.3101, 106.0983, "Chợ Long Hoa", "25459"),
                List.of(new AgencyFeedback.Photo("p1", "image/jpeg", 52_000, "https://hub/files/p1?sig=abc")),
                new AgencyFeedback.Citizen("Trần Thị Bình", "84912345678"), false);
    }

    private static AgencySystem agency(Auth auth, Map<String, String> fields, String ticketField, Duration readTimeout) {
        return new AgencySystem(new AgencySystemSettings("sotnmt", SIMULATOR.baseUrl(), null, auth, Duration.ofSeconds(1),
                readTimeout, fields, ticketField));
    }

    private static AgencySystem agency() {
        return agency(Auth.bearer(AgencySimulator.DEFAULT_TOKEN), null, null, Duration.ofSeconds(2));
    }

    @Test
    void deliveryPostsTheMappedFeedbackWithItsIdempotencyKeyAndToken() {
        Delivered delivered = agency().deliver(feedback("fb-1"));

        assertThat(delivered.alreadyPresent()).isFalse();
        assertThat(delivered.ticketId()).isEqualTo(SIMULATOR.ticket("fb-1")).startsWith("PAKN-");
        Received request = SIMULATOR.received(AgencySimulator.DEFAULT_SUBMIT_PATH).get(0);
        assertThat(request.header("Idempotency-Key")).contains("fb-1");
        assertThat(request.header("Authorization")).contains("Bearer " + AgencySimulator.DEFAULT_TOKEN);
        JsonNode wire = SIMULATOR.held("fb-1").feedback();
        assertThat(wire.path("title").asText()).isEqualTo("Rác thải ùn ứ trước chợ");
        assertThat(wire.path("category").path("code").asText()).isEqualTo("MT.01");
        assertThat(wire.path("reporter").path("phone").asText()).isEqualTo("84912345678");
        assertThat(wire.path("photos").get(0).path("url").asText()).isEqualTo("https://hub/files/p1?sig=abc");
        assertThat(SIMULATOR.held("fb-1").state()).isEqualTo(AgencySimulator.RECEIVED);
    }

    @Test
    void aSecondDeliveryOfTheSameFeedbackIsAlreadyPresentWithTheSameTicket() {
        AgencySystem agency = agency();
        Delivered first = agency.deliver(feedback("fb-1"));
        Delivered again = agency.deliver(feedback("fb-1"));

        assertThat(again.alreadyPresent()).isTrue();
        assertThat(again.ticketId()).isEqualTo(first.ticketId());
        assertThat(SIMULATOR.count()).isEqualTo(1);
        assertThat(SIMULATOR.duplicatesRefused()).isEqualTo(1);
    }

    @Test
    void anonymousFeedbackReachesTheAgencyWithoutIdentity() {
        AgencyFeedback f = feedback("fb-anon");
        AgencyFeedback anonymous = new AgencyFeedback(f.feedbackId(), f.code(), f.categoryCode(), f.categoryName(), f.title(),
                f.description(), f.submittedAt(), f.dueAt(), f.location(), f.photos(), f.citizen(), true);
        agency().deliver(anonymous);

        String wire = SIMULATOR.received(AgencySimulator.DEFAULT_SUBMIT_PATH).get(0).bodyAsString();
        assertThat(wire).doesNotContain("84912345678", "Trần Thị Bình").contains("\"anonymous\":true");
    }

    @Test
    void serverErrorsThrottlingAndMaintenanceAreTransient() {
        AgencySystem agency = agency();
        SIMULATOR.failNext(1, Fault.status(500));
        SIMULATOR.failNext(1, Fault.status(429));
        assertThatThrownBy(() -> agency.deliver(feedback("fb-1"))).isInstanceOf(AgencySystemException.Transient.class)
                .hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> agency.deliver(feedback("fb-1"))).isInstanceOf(AgencySystemException.Transient.class)
                .extracting(e -> ((AgencySystemException) e).status()).isEqualTo(429);

        SIMULATOR.down(true);
        assertThatThrownBy(() -> agency.deliver(feedback("fb-1"))).isInstanceOf(AgencySystemException.Transient.class)
                .hasMessageContaining("HTTP 503");
        SIMULATOR.down(false);
        assertThat(agency.deliver(feedback("fb-1")).alreadyPresent()).isFalse();
        assertThat(SIMULATOR.count()).isEqualTo(1);
    }

    @Test
    void aTimeoutIsTransient() {
        AgencySystem impatient = agency(Auth.bearer(AgencySimulator.DEFAULT_TOKEN), null, null, Duration.ofMillis(300));
        SIMULATOR.failNext(1, Fault.delay(Duration.ofMillis(1500)));

        assertThatThrownBy(() -> impatient.deliver(feedback("fb-1"))).isInstanceOf(AgencySystemException.Transient.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void anAgencyThatIsGoneIsTransient() {
        AgencySystem agency = agency();
        SIMULATOR.stop();
        try {
            assertThatThrownBy(() -> agency.deliver(feedback("fb-1"))).isInstanceOf(AgencySystemException.Transient.class)
                    .hasMessageContaining("unreachable");
        } finally {
            SIMULATOR.start();
        }
        SIMULATOR.failNext(1, Fault.connectionReset());
        assertThatThrownBy(() -> agency.deliver(feedback("fb-1"))).isInstanceOf(AgencySystemException.Transient.class);
        assertThat(agency.deliver(feedback("fb-1")).ticketId()).isNotNull();
    }

    @Test
    void aPayloadTheAgencyRefusesIsPermanent() {
        Map<String, String> noTitle = new LinkedHashMap<>();
        noTitle.put("id", "id");
        noTitle.put("description", "description");
        AgencySystem agency = agency(Auth.bearer(AgencySimulator.DEFAULT_TOKEN), noTitle, null, Duration.ofSeconds(2));

        assertThatThrownBy(() -> agency.deliver(feedback("fb-1"))).isInstanceOf(AgencySystemException.Permanent.class)
                .extracting(e -> ((AgencySystemException) e).status()).isEqualTo(400);
        assertThat(SIMULATOR.count()).isZero();
    }

    @Test
    void wrongCredentialsArePermanent() {
        AgencySystem agency = agency(Auth.bearer("not-the-token"), null, null, Duration.ofSeconds(2));

        assertThatThrownBy(() -> agency.deliver(feedback("fb-1"))).isInstanceOf(AgencySystemException.Permanent.class)
                .hasMessageContaining("HTTP 401");
        assertThat(SIMULATOR.count()).isZero();
    }

    @Test
    void basicAndApiKeyAuthenticationAreSentAsConfigured() {
        SIMULATOR.expectBasic("govhub", "mat-khau");
        assertThat(agency(Auth.basic("govhub", "mat-khau"), null, null, Duration.ofSeconds(2)).deliver(feedback("fb-1"))
                .ticketId()).isNotNull();

        SIMULATOR.expectApiKey("X-Api-Key", "k-123");
        assertThat(agency(Auth.apiKey("X-Api-Key", "k-123"), null, null, Duration.ofSeconds(2)).deliver(feedback("fb-2"))
                .ticketId()).isNotNull();
        assertThatThrownBy(() -> agency().deliver(feedback("fb-3"))).isInstanceOf(AgencySystemException.Permanent.class);
    }

    @Test
    void anUnreadableAnswerIsPermanent() {
        SIMULATOR.failNext(1, Fault.malformed("<html>Xin lỗi</html>", "text/html"));
        assertThatThrownBy(() -> agency().deliver(feedback("fb-1"))).isInstanceOf(AgencySystemException.Permanent.class)
                .hasMessageContaining("not JSON");

        SIMULATOR.failNext(1, Fault.malformed("{\"ok\":true}", "application/json"));
        assertThatThrownBy(() -> agency().deliver(feedback("fb-1"))).isInstanceOf(AgencySystemException.Permanent.class)
                .hasMessageContaining("no ticket id at 'id'");
    }

    @Test
    void theTicketIsReadFromTheConfiguredField() {
        SIMULATOR.failNext(1, Fault.malformed("{\"data\":{\"maPhieu\":9041}}", "application/json"));
        AgencySystem agency = agency(Auth.bearer(AgencySimulator.DEFAULT_TOKEN), null, "data.maPhieu", Duration.ofSeconds(2));

        assertThat(agency.deliver(feedback("fb-1"))).isEqualTo(new Delivered("9041", false));
    }
}
