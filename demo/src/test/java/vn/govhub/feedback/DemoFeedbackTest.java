package vn.govhub.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.govhub.sandbox.agency.AgencySimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.testing.FreePorts;

/**
 * The demo profile as a user runs it: a report sent with the demo citizen's token reaches the power company's
 * simulated system, which answers on its own timer, and the answer reaches the citizen as an OA message in the
 * Zalo simulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.sandbox.tthc-procedures=20",
        "govhub.sandbox.agency-answer-every=200ms"})
@ActiveProfiles("demo")
class DemoFeedbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        for (String simulator : new String[] {"portal", "tthc", "zalo", "cases", "agency"}) {
            int port = FreePorts.next();
            registry.add("govhub.sandbox." + simulator + "-port", () -> port);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ZaloSimulator zalo;
    @Autowired
    AgencySimulator agency;

    @Test
    void aReportInTheDemoIsAnsweredByTheAgencySimulatorAndTheAnswerReachesZalo() throws Exception {
        String report = "{\"category\":\"dien\",\"title\":\"Cây đổ đè lên đường dây điện\",\"description\":\"Sau cơn bão, cây dầu "
                + "nghiêng đè lên đường dây trước số 12 Cách Mạng Tháng Tám.\",\"location\":{\"lat\":11.31,\"long\":106.10},"
                + "\"attributes\":{\"muc-do\":\"cao\"},\"publish\":true}";
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/feedback"))
                .header("X-Zalo-Access-Token", "demo-citizen-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(report)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(sent.body());
        String reference = accepted.path("reference").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> agency.held(accepted.path("id").asText()) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> zalo.accepted().stream()
                .anyMatch(a -> a.text() != null && a.text().contains(reference) && a.text().contains("trả lời")));
        assertThat(agency.count()).isEqualTo(1);
    }
}
