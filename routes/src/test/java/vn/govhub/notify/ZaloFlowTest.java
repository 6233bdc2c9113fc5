package vn.govhub.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.sandbox.zalo.ZaloWebhooks;
import vn.govhub.testing.Upstreams;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Zalo end to end against the simulator: OA connection, webhooks, channel policy, receipts, tokens, identity. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.config-dir=src/test/resources/zalo-config",
        "govhub.admin.token=test-operator-token",
        "govhub.schedule.notify-send.every=50ms", "govhub.schedule.notify-plan.every=50ms",
        "govhub.notify.backoff-base=100ms"})
class ZaloFlowTest {

    @RegisterExtension
    static final Upstreams UPSTREAMS = Upstreams.start(new ZaloSimulator(0));
    private static final ZaloSimulator ZALO = UPSTREAMS.get(ZaloSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVINCE = "zalo-test";

    @DynamicPropertySource
    static void zalo(DynamicPropertyRegistry registry) {
        ZaloTestSupport.register(registry, UPSTREAMS);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationSender sender;

    private final HttpClient http = HttpClient.newHttpClient();
    private ZaloWebhooks webhooks;

    @BeforeEach
    void connectOa() throws Exception {
        sender.afterSend(null);
        ZALO.reset();
        ZALO.registerTemplate("231001", Set.of("ma_ho_so", "ten_thu_tuc"));
        ZALO.registerTemplate("231002", Set.of("ma_ho_so"));
        for (String table : new String[] {"notification", "zalo_webhook", "zalo_user", "zalo_oa", "outbox"}) {
            jdbc.update("DELETE FROM " + table);
        }
        webhooks = new ZaloWebhooks(ZALO, URI.create("http://127.0.0.1:" + port + "/webhooks/zalo"));
        ZALO.sendReceiptsTo(webhooks);

        // the operator asks for a consent URL, the OA admin consents, Zalo redirects to the hub's callback
        JsonNode consent = admin("POST", "/admin/zalo/" + PROVINCE + "/consent", null);
        Map<String, String> query = query(URI.create(consent.path("consentUrl").asText()));
        assertThat(query).containsKeys("app_id", "redirect_uri", "code_challenge", "state");
        String code = ZALO.authorize(query.get("code_challenge"));
        HttpResponse<String> callback = get("/oauth/zalo/callback?code=" + code + "&state=" + query.get("state"), Map.of());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
    }

    @Test
    void followerGetsTheOaMessageAndTheReceiptMarksItDelivered() throws Exception {
        assertThat(webhooks.deliver(webhooks.follow("oa-1", "app-1"))).isEqualTo(200);
        ZALO.follow("oa-1");
        awaitUser("app-1", true);

        publish("evt-1", "dossier-received", "app-1", Map.of("trackingCode", "H22.14-261128-0001",
                "procedureName", "Đăng ký khai sinh", "appointmentDate", "02/12/2026"));

        await().atMost(Duration.ofSeconds(10)).until(() -> status("evt-1").equals("DELIVERED"));
        assertThat(ZALO.accepted()).singleElement().satisfies(a -> {
            assertThat(a.channel()).isEqualTo("OA_CS");
            assertThat(a.recipient()).isEqualTo("oa-1");
            assertThat(a.text()).isEqualTo("Hồ sơ H22.14-261128-0001 (Đăng ký khai sinh) đã được tiếp nhận. Ngày hẹn trả kết quả: 02/12/2026.");
        });
        // tokens are encrypted at rest
        String stored = jdbc.queryForObject("SELECT access_token || refresh_token FROM zalo_oa", String.class);
        assertThat(stored).doesNotContain(ZALO.accepted().get(0).accessToken()).startsWith("v1:");

        // the citizen sees it in the mini app
        String userToken = ZALO.userToken("app-1", "Nguyễn Văn A");
        HttpResponse<String> mine = get("/api/v1/notifications", Map.of("X-Zalo-Access-Token", userToken));
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(mine.body())).singleElement().satisfies(n -> {
            assertThat(n.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(n.path("kind").asText()).isEqualTo("dossier-received");
        });
        // another citizen sees none of it
        HttpResponse<String> other = get("/api/v1/notifications", Map.of("X-Zalo-Access-Token", ZALO.userToken("app-9", "B")));
        assertThat(JSON.readTree(other.body())).isEmpty();
    }

    @Test
    void republishedEventIsNotifiedOnce() throws Exception {
        webhooks.deliver(webhooks.follow("oa-1", "app-1"));
        ZALO.follow("oa-1");
        awaitUser("app-1", true);
        for (int i = 0; i < 3; i++) {
            publish("evt-same", "announcement", "app-1", Map.of("text", "Lịch tiếp công dân tuần này"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> status("evt-same").equals("DELIVERED"));
        assertThat(ZALO.accepted()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification", Long.class)).isEqualTo(1);
    }

    @Test
    void citizenWhoOnlySharedAPhoneGetsZnsAndTheZnsReceiptCounts() throws Exception {
        assertThat(webhooks.deliver(webhooks.userSubmitInfo("oa-2", "app-2", "Trần Thị B", "0912345678", "Tây Ninh"))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> phone("app-2") != null);
        assertThat(phone("app-2")).isEqualTo("84912345678");

        publish("evt-2", "dossier-received", "app-2", Map.of("trackingCode", "H22-261128-0002",
                "procedureName", "Đăng ký kết hôn", "appointmentDate", "03/12/2026"));

        await().atMost(Duration.ofSeconds(10)).until(() -> status("evt-2").equals("DELIVERED"));
        assertThat(ZALO.accepted()).singleElement().satisfies(a -> {
            assertThat(a.channel()).isEqualTo("ZNS");
            assertThat(a.recipient()).isEqualTo("84912345678");
            assertThat(a.templateId()).isEqualTo("231001");
            assertThat(a.trackingId()).startsWith("n");
        });
    }

    @Test
    void oaRefusalFallsBackToZnsByPhone() throws Exception {
        webhooks.deliver(webhooks.follow("oa-3", "app-3"));
        webhooks.deliver(webhooks.userSubmitInfo("oa-3", "app-3", "Lê C", "0387654321", "Long An"));
        await().atMost(Duration.ofSeconds(5)).until(() -> phone("app-3") != null);
        // Zalo knows better than the hub: the citizen unfollowed and the webhook was lost
        ZALO.follow("oa-3");
        ZALO.unfollow("oa-3");

        publish("evt-3", "result-ready", "app-3", Map.of("trackingCode", "H22-261128-0003",
                "returnInstructions", "Mời ông/bà nhận kết quả tại Bộ phận một cửa."));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification WHERE event_id = 'evt-3' AND channel = 'ZNS' AND status = 'DELIVERED'", Long.class) == 1);
        assertThat(jdbc.queryForMap("SELECT status, error_code FROM notification WHERE event_id = 'evt-3' AND channel = 'OA'"))
                .containsEntry("status", "FAILED").containsEntry("error_code", -213);
        assertThat(ZALO.accepted()).singleElement().satisfies(a -> assertThat(a.channel()).isEqualTo("ZNS"));
    }

    @Test
    void citizenNoChannelReachesIsRecordedUndeliverable() throws Exception {
        publish("evt-4", "announcement", "app-unknown", Map.of("text", "x"));
        await().atMost(Duration.ofSeconds(10)).until(() -> status("evt-4").equals("UNDELIVERABLE"));
        assertThat(ZALO.accepted()).isEmpty();
    }

    @Test
    void expiredAccessTokenIsRefreshedOnceWhenManySendsFailTogether() throws Exception {
        webhooks.deliver(webhooks.follow("oa-5", "app-5"));
        ZALO.follow("oa-5");
        awaitUser("app-5", true);
        ZALO.advanceClock(Duration.ofHours(26)); // Zalo's clock: every access token issued so far has expired
        ZALO.follow("oa-5");
        for (int i = 0; i < 20; i++) {
            publish("evt-5-" + i, "announcement", "app-5", Map.of("text", "Thông báo " + i));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> ZALO.accepted().size() == 20);
        assertThat(ZALO.refreshCalls()).isEqualTo(1);
        assertThat(ZALO.refreshTokenReuses()).isZero();
        assertThat(ZALO.accepted()).extracting(ZaloSimulator.Accepted::accessToken).containsOnly(ZALO.accepted().get(0).accessToken());
    }

    @Test
    void crashBetweenSendAndCommitNeverSendsTwice() throws Exception {
        webhooks.deliver(webhooks.userSubmitInfo("oa-6", "app-6", "Phạm D", "0912000111", "Tây Ninh"));
        await().atMost(Duration.ofSeconds(5)).until(() -> phone("app-6") != null);
        ZALO.sendReceiptsTo(null); // first without receipts: nothing but the hub's own state decides
        sender.afterSend(() -> {
            throw new IllegalStateException("simulated crash after Zalo accepted, before the commit");
        });
        publish("evt-6", "dossier-received", "app-6", Map.of("trackingCode", "H22-261128-0006",
                "procedureName", "Cấp giấy phép xây dựng", "appointmentDate", "05/12/2026"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ZALO.accepted().size() == 1);
        sender.afterSend(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> status("evt-6").equals("SENDING"));

        // the sender is back; the row stays out of its way until the lease ends, then is settled, not resent
        for (int i = 0; i < 5; i++) {
            sender.sendDue();
        }
        jdbc.update("UPDATE notification SET updated_at = updated_at - INTERVAL '1' HOUR WHERE event_id = 'evt-6'");
        assertThat(sender.settleInterrupted()).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            sender.sendDue();
        }
        assertThat(status("evt-6")).isEqualTo("FAILED");
        assertThat(ZALO.accepted()).hasSize(1);

        // Zalo's receipt (tracking id) settles what the hub could not know
        ZaloSimulator.Accepted sent = ZALO.accepted().get(0);
        assertThat(webhooks.deliver(webhooks.znsReceipt(sent.recipient(), sent.messageId(), sent.trackingId(), ZALO.now()),
                true, ZaloWebhooks.Signing.CORRECT)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> status("evt-6").equals("DELIVERED"));
    }

    @Test
    void webhooksAreVerifiedKeptOnceAndAnsweredFast() throws Exception {
        ObjectNode text = webhooks.userSendText("oa-7", "app-7", "msg-7", "Xin chào");
        assertThat(webhooks.deliver(text, false, ZaloWebhooks.Signing.WRONG)).isEqualTo(401);
        assertThat(webhooks.deliver(text, false, ZaloWebhooks.Signing.MISSING)).isEqualTo(401);
        assertThat(webhooks.deliver(webhooks.at(webhooks.userSendText("oa-7", "app-7", "msg-8", "cũ"),
                ZALO.now().minus(Duration.ofHours(1))))).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM zalo_webhook", Long.class)).isZero();

        assertThat(webhooks.deliver(text)).isEqualTo(200);
        assertThat(webhooks.deliver(text)).as("redelivery").isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM zalo_webhook", Long.class)).isEqualTo(1);
        assertThat(webhooks.deliver(webhooks.oaEcho("oa-7", "msg-echo", "Tin nhắn của OA"))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM zalo_webhook WHERE status = 'DONE'", Long.class) == 2);
        assertThat(jdbc.queryForObject("SELECT last_interaction_at IS NOT NULL FROM zalo_user WHERE oa_user_id = 'oa-7'", Boolean.class)).isTrue();
        assertThat(webhooks.deliveries()).filteredOn(d -> d.status() == 200)
                .allSatisfy(d -> assertThat(d.took()).isLessThan(Duration.ofSeconds(2)));

        HttpResponse<String> notJson = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/zalo"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{oops")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void miniAppCallsNeedAVerifiedZaloToken() throws Exception {
        assertThat(get("/api/v1/me", Map.of()).statusCode()).isEqualTo(401);
        HttpResponse<String> forged = get("/api/v1/me", Map.of("X-Zalo-Access-Token", "forged"));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

        String token = ZALO.userToken("app-8", "Võ E");
        HttpResponse<String> me = get("/api/v1/me", Map.of("X-Zalo-Access-Token", token));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("X-Zalo-Access-Token")).isEmpty();
        assertThat(JSON.readTree(me.body()).path("id").asText()).isEqualTo("app-8");
        assertThat(JSON.readTree(me.body()).path("phoneKnown").asBoolean()).isFalse();

        HttpResponse<String> phone = post("/api/v1/me/phone", Map.of("X-Zalo-Access-Token", token),
                "{\"code\":\"" + ZALO.phoneCode(token, "84987654321") + "\"}");
        assertThat(phone.statusCode()).as(phone.body()).isEqualTo(200);
        assertThat(JSON.readTree(phone.body()).path("phone").asText()).isEqualTo("84987***321");
        assertThat(phone("app-8")).isEqualTo("84987654321");
        assertThat(post("/api/v1/me/phone", Map.of("X-Zalo-Access-Token", token), "{\"code\":\"used-or-wrong\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void adminSeesFailuresAndReplaysThem() throws Exception {
        webhooks.deliver(webhooks.userSubmitInfo("oa-9", "app-9", "Đỗ F", "0912999888", "Đồng Nai"));
        await().atMost(Duration.ofSeconds(5)).until(() -> phone("app-9") != null);
        ZALO.registerTemplate("231001", Set.of("ma_ho_so", "ten_thu_tuc", "khong_co")); // template changed upstream
        publish("evt-9", "dossier-received", "app-9", Map.of("trackingCode", "X", "procedureName", "Y", "appointmentDate", "Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> status("evt-9").equals("FAILED"));
        JsonNode failed = admin("GET", "/admin/notifications?status=failed&province=" + PROVINCE, null);
        assertThat(failed).singleElement().satisfies(n -> {
            assertThat(n.path("errorCode").asInt()).isEqualTo(-112);
            assertThat(n.path("to").asText()).isEqualTo("84912***888");
        });
        ZALO.registerTemplate("231001", Set.of("ma_ho_so", "ten_thu_tuc"));
        admin("POST", "/admin/notifications/" + failed.get(0).path("id").asLong() + "/replay", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> status("evt-9").equals("DELIVERED"));
    }

    // ---- helpers

    private void publish(String eventId, String kind, String recipient, Map<String, String> fields) throws Exception {
        ObjectNode event = JSON.createObjectNode().put("eventId", eventId).put("province", PROVINCE).put("kind", kind)
                .put("recipient", recipient);
        event.set("fields", JSON.valueToTree(fields));
        admin("POST", "/admin/notifications/events", event.toString());
    }

    private String status(String eventId) {
        return jdbc.queryForList("SELECT status FROM notification WHERE event_id = ? ORDER BY id DESC", String.class, eventId)
                .stream().findFirst().orElse("NONE");
    }

    private String phone(String appUserId) {
        return jdbc.queryForList("SELECT phone FROM zalo_user WHERE app_user_id = ?", String.class, appUserId)
                .stream().findFirst().orElse(null);
    }

    private void awaitUser(String appUserId, boolean following) {
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForList(
                "SELECT following FROM zalo_user WHERE app_user_id = ?", Boolean.class, appUserId).contains(following));
    }

    private JsonNode admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer test-operator-token").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
