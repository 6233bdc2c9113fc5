package vn.govhub.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govhub.sandbox.Fault;
import vn.govhub.sandbox.agency.AgencySimulator;
import vn.govhub.sandbox.zalo.ZaloWebhooks;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Citizen feedback end to end: a report with a photo and a place is routed to the responsible agency, delivered to
 * its system once, answered there, and the answer reaches the citizen through Zalo; the agency inbox in the hub
 * (claim, transfer, reply, close) with officers who see only their agency; every bad input refused with nothing
 * stored; spam limit, duplicate hints, the public board, overdue escalation, a down agency system and dead letters.
 */
class FeedbackFlowTest extends FeedbackHub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVINCE = "feedback-test";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Inside Phường 1 (25456). */
    private static final double[] WARD_1 = {11.31, 106.10};
    private static final double[] WARD_2 = {11.33, 106.10};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void clean() {
        for (String table : new String[] {"feedback_history", "feedback_photo", "feedback", "outbox", "notification"}) {
            jdbc.update("DELETE FROM " + table);
        }
        if (!AGENCY.isRunning()) {
            AGENCY.start();
        }
        AGENCY.reset();
        AGENCY.callbacksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/agencies/" + PROVINCE + "/dien-luc"), "agency-callback-secret");
        token = ZALO.userToken("citizen-" + UUID.randomUUID(), "Trần Thị Bình");
    }

    @Test
    void aReportWithAPhotoReachesTheAgencySystemOnceIsAnsweredAndTheCitizenHearsOfItInZalo() throws Exception {
        String citizen = "citizen-zalo";
        token = ZALO.userToken(citizen, "Trần Thị Bình");
        connectOaAndFollow(citizen);
        HttpResponse<String> sent = submit(report("dien", "Cây đổ vào đường dây điện", WARD_1, false, true,
                ",\"attributes\":{\"muc-do\":\"cao\"},\"contact\":{\"phone\":\"0912345678\"}"), List.of(FeedbackPhotos.jpegWithGps()));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(sent.body());
        String id = accepted.path("id").asText();
        assertThat(accepted.path("reference").asText()).matches("PA-\\d{6}-\\d{4}");
        assertThat(accepted.path("agency").asText()).isEqualTo("Công ty Điện lực Tây Ninh");

        await().atMost(WAIT).until(() -> "DELIVERED".equals(column(id, "delivery")));
        assertThat(AGENCY.count()).isEqualTo(1);
        JsonNode wire = AGENCY.held(id).feedback();
        assertThat(wire.path("category").path("code").asText()).isEqualTo("dien");
        assertThat(wire.path("location").path("areaCode").asText()).isEqualTo("25456");
        assertThat(wire.path("reporter").path("phone").asText()).isEqualTo("84912345678");
        assertThat(wire.path("reporter").path("name").asText()).isEqualTo("Trần Thị Bình");
        String link = wire.path("photos").get(0).path("url").asText();
        assertThat(link).startsWith("http://localhost:8080/files/feedback/");
        byte[] photo = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + link.substring(link.indexOf("/files/"))))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(vn.govhub.testing.TestImages.hasExif(photo)).as("the place left the photo: the citizen did not share it").isFalse();
        assertThat(vn.govhub.testing.TestImages.decode(photo).getWidth()).as("the same picture, written anew").isEqualTo(120);

        AGENCY.advance(); // received → resolving
        await().atMost(WAIT).until(() -> "IN_PROGRESS".equals(column(id, "status")));
        AGENCY.advance(); // resolved, with the answer
        await().atMost(WAIT).until(() -> "ANSWERED".equals(column(id, "status")));
        assertThat(column(id, "answer")).isEqualTo(AgencySimulator.DEFAULT_ANSWER);
        String reference = accepted.path("reference").asText();
        await().atMost(WAIT).until(() -> ZALO.accepted().stream().filter(a -> a.text() != null && a.text().contains(reference)).count() == 2);
        assertThat(ZALO.accepted()).anySatisfy(a -> assertThat(a.text()).contains(reference).contains("đã được tiếp nhận và chuyển đến"));
        assertThat(ZALO.accepted()).anySatisfy(a -> assertThat(a.text()).contains(reference)
                .contains("đã được Công ty Điện lực Tây Ninh trả lời: " + AgencySimulator.DEFAULT_ANSWER.substring(0, 40)));

        JsonNode mine = JSON.readTree(get("/api/v1/feedback/" + id).body());
        assertThat(mine.path("status").asText()).isEqualTo("ANSWERED");
        HttpResponse<String> ownPhoto = get("/api/v1/feedback/" + id + "/photos/" + mine.path("photos").get(0).asText());
        assertThat(ownPhoto.statusCode()).isEqualTo(200);
        assertThat(ownPhoto.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(ownPhoto.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(mine.path("history").findValuesAsText("action")).containsSubsequence("RECEIVED", "ROUTED", "DELIVERED", "ANSWERED");
        assertThat(AGENCY.duplicatesRefused()).isZero();
    }

    @Test
    void everyBadInputIsRefusedNamingItsFieldAndNothingIsStored() throws Exception {
        byte[] photo = FeedbackPhotos.jpeg(2000);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(report("khong-co", "Tiêu đề", WARD_1, false, false, ""), "category");
        cases.put(report("moi-truong", "Tiêu đề", new double[] {21.03, 105.85}, false, false, ""), "location");
        cases.put(report("moi-truong", "Tiêu đề", null, false, false, ""), "location");
        cases.put(report("moi-truong", " ", WARD_1, false, false, ""), "title");
        cases.put(report("moi-truong", "Tiêu đề", WARD_1, false, false, "").replace("\"description\":\"Mô tả\"",
                "\"description\":\"" + "a".repeat(5000) + "\""), "description");
        cases.put(report("moi-truong", "Tiêu đề", WARD_1, false, false, ",\"contact\":{\"phone\":\"12345\"}"), "contact.phone");
        cases.put(report("dien", "Tiêu đề", WARD_1, false, false, ""), "attributes.muc-do");
        cases.put(report("dien", "Tiêu đề", WARD_1, false, false, ",\"attributes\":{\"muc-do\":\"rat-cao\"}"), "attributes.muc-do");
        cases.put(report("moi-truong", "Tiêu đề", WARD_1, false, false, ",\"location\":{\"address\":\"x\",\"areaCode\":\"00000\"}")
                .replaceFirst("\"location\":\\{\"lat\"[^}]*},", ""), "location.areaCode");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> refused = submit(c.getKey(), List.of(photo));
            assertThat(refused.statusCode()).as(c.getValue() + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsText("field")).as(refused.body()).contains(c.getValue());
        }
        String good = report("moi-truong", "Tiêu đề", WARD_1, false, false, "");
        HttpResponse<String> tooMany = submit(good, List.of(photo, photo, photo, photo));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"photos\"");
        HttpResponse<String> oversized = submit(good, List.of(FeedbackPhotos.jpeg(250_000)));
        assertThat(oversized.statusCode()).as("cut off while reading").isEqualTo(413);
        assertThat(oversized.body()).contains("200000");
        byte[] fake = "%PDF-1.7 this is a document named photo.jpg".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> notAPhoto = submit(good, List.of(photo, fake));
        assertThat(notAPhoto.statusCode()).isEqualTo(400);
        assertThat(notAPhoto.body()).contains("photos[1]").contains("not a JPEG or PNG");
        HttpResponse<String> notJson = send("POST", "/api/v1/feedback?province=" + PROVINCE, Map.of("X-Zalo-Access-Token", token,
                "Content-Type", "application/json"), "{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.statusCode()).isEqualTo(400);
        HttpResponse<String> stranger = send("POST", "/api/v1/feedback?province=" + PROVINCE, Map.of("X-Zalo-Access-Token", "nobody",
                "Content-Type", "application/json"), good.getBytes(StandardCharsets.UTF_8));
        assertThat(stranger.statusCode()).isEqualTo(401);

        for (String table : new String[] {"feedback", "feedback_photo", "feedback_history", "outbox"}) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).as(table).isZero();
        }
    }

    @Test
    void theAgencyInboxClaimsTransfersRepliesAndClosesAndAnOfficerSeesOnlyItsAgency() throws Exception {
        JsonNode inWard2 = accepted(submit(report("moi-truong", "Rác tràn ra đường", WARD_2, false, true, ""), List.of()));
        String id = inWard2.path("id").asText();
        assertThat(column(id, "agency")).isEqualTo("ubnd-p2");
        assertThat(column(id, "delivery")).isEqualTo("INBOX");

        // the officer of ward 1 neither lists nor opens ward 2's report
        assertThat(officer("GET", "/admin/feedback", null).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(officer("GET", "/admin/feedback", null).body())).isEmpty();
        assertThat(officer("GET", "/admin/feedback/" + id, null).statusCode()).isEqualTo(404);
        assertThat(officer("GET", "/admin/dossiers", null).statusCode()).isEqualTo(403);

        // the operator transfers it (it lies on ward 1's side of the street), with the reason
        JsonNode listed = JSON.readTree(operator("GET", "/admin/feedback?agency=ubnd-p2", null).body());
        assertThat(listed).singleElement().satisfies(r -> assertThat(r.path("sender").asText()).isEqualTo("T*** T*** B***"));
        HttpResponse<String> noReason = operator("POST", "/admin/feedback/" + id + "/transfer", "{\"agency\":\"ubnd-p1\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> moved = operator("POST", "/admin/feedback/" + id + "/transfer",
                "{\"agency\":\"ubnd-p1\",\"reason\":\"Địa bàn phường 1\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        JsonNode mineNow = JSON.readTree(officer("GET", "/admin/feedback", null).body());
        assertThat(mineNow.findValuesAsText("id")).containsExactly(id);
        assertThat(officer("POST", "/admin/feedback/" + id + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(column(id, "status")).isEqualTo("IN_PROGRESS");
        HttpResponse<String> reply = officer("POST", "/admin/feedback/" + id + "/reply",
                "{\"answer\":\"Đã thu gom rác và nhắc nhở hộ kinh doanh.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(column(id, "status")).isEqualTo("ANSWERED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE topic = 'notification-event' AND payload LIKE ?",
                Integer.class, "%feedback-answered%" + inWard2.path("reference").asText() + "%")).isEqualTo(1);
        assertThat(officer("POST", "/admin/feedback/" + id + "/reply", "{\"answer\":\"lần hai\"}").statusCode()).isEqualTo(409);
        assertThat(officer("POST", "/admin/feedback/" + id + "/close", "{\"note\":\"Người dân đã xác nhận\"}").statusCode()).isEqualTo(200);

        JsonNode detail = JSON.readTree(officer("GET", "/admin/feedback/" + id, null).body());
        assertThat(detail.path("status").asText()).isEqualTo("CLOSED");
        assertThat(detail.path("history").findValuesAsText("action"))
                .containsExactly("RECEIVED", "ROUTED", "TRANSFERRED", "CLAIMED", "ANSWERED", "CLOSED");
        assertThat(detail.path("history").get(2).path("note").asText()).contains("operator").contains("Địa bàn phường 1");
        assertThat(detail.path("history").get(3).path("note").asText()).startsWith("can-bo-p1");
    }

    @Test
    void anAnonymousReportReachesTheAgencyWithoutIdentityAndTheCitizenStillGetsTheAnswer() throws Exception {
        JsonNode accepted = accepted(submit(report("dien", "Đèn đường hỏng", WARD_1, true, false,
                ",\"attributes\":{\"muc-do\":\"thap\"},\"contact\":{\"name\":\"Trần Thị Bình\",\"phone\":\"0912345678\"}"), List.of()));
        String id = accepted.path("id").asText();
        await().atMost(WAIT).until(() -> AGENCY.held(id) != null);
        JsonNode reporter = AGENCY.held(id).feedback().path("reporter");
        assertThat(reporter.path("anonymous").asBoolean()).isTrue();
        assertThat(reporter.path("name").isMissingNode() || reporter.path("name").isNull()).isTrue();
        assertThat(AGENCY.held(id).feedback().toString()).doesNotContain("0912345678").doesNotContain("Bình");
        assertThat(jdbc.queryForObject("SELECT contact FROM feedback WHERE id = ?", String.class, id)).isNull();
        AGENCY.advance();
        AGENCY.advance();
        await().atMost(WAIT).until(() -> "ANSWERED".equals(column(id, "status")));
        assertThat(jdbc.queryForList("SELECT payload FROM outbox WHERE topic = 'notification-event' AND payload LIKE ?",
                String.class, "%" + accepted.path("reference").asText() + "%"))
                .as("the citizen is told of the receipt and of the answer").hasSize(2)
                .anySatisfy(e -> assertThat(e).contains("feedback-received").contains("Công ty Điện lực Tây Ninh"))
                .anySatisfy(e -> assertThat(e).contains("feedback-answered"));
        JsonNode inbox = JSON.readTree(operator("GET", "/admin/feedback/" + id, null).body());
        assertThat(inbox.path("sender").asText()).isEqualTo("(ẩn danh)");
    }

    @Test
    void aCitizenIsLimitedPerHourAndToldOfAPossibleDuplicateNearby() throws Exception {
        JsonNode first = accepted(submit(report("moi-truong", "Rác ở chợ", WARD_1, false, false, ""), List.of()));
        JsonNode second = accepted(submit(report("moi-truong", "Rác ở chợ (2)", new double[] {11.3105, 106.1005}, false, false, ""), List.of()));
        assertThat(second.path("possibleDuplicates")).singleElement().satisfies(d -> {
            assertThat(d.path("reference").asText()).isEqualTo(first.path("reference").asText());
            assertThat(d.path("distanceMeters").asLong()).isBetween(50L, 100L);
        });
        JsonNode farAway = accepted(submit(report("moi-truong", "Rác ở bến xe", new double[] {11.319, 106.109}, false, false, ""), List.of()));
        assertThat(farAway.path("possibleDuplicates")).isEmpty();
        for (int i = 0; i < 2; i++) {
            accepted(submit(report("giao-thong", "Ổ gà " + i, WARD_2, false, false, ""), List.of()));
        }
        HttpResponse<String> sixth = submit(report("giao-thong", "Ổ gà 3", WARD_2, false, false, ""), List.of());
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Integer.class)).isEqualTo(5);

        // the same Idempotency-Key and body is the same report, another body a conflict
        token = ZALO.userToken("citizen-" + UUID.randomUUID(), "Lê Văn C");
        String body = report("moi-truong", "Rác", WARD_2, false, false, "");
        Map<String, String> headers = Map.of("X-Zalo-Access-Token", token, "Content-Type", "application/json", "Idempotency-Key", "key-12345678");
        HttpResponse<String> once = send("POST", "/api/v1/feedback?province=" + PROVINCE, headers, body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> again = send("POST", "/api/v1/feedback?province=" + PROVINCE, headers, body.getBytes(StandardCharsets.UTF_8));
        assertThat(once.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("id").asText()).isEqualTo(JSON.readTree(once.body()).path("id").asText());
        assertThat(send("POST", "/api/v1/feedback?province=" + PROVINCE, headers, body.replace("Rác", "Khác").getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(409);
    }

    @Test
    void thePublicBoardShowsConsentedAnsweredReportsWithoutPersonalDataAndACitizenReadsOnlyTheirOwn() throws Exception {
        JsonNode shown = accepted(submit(report("moi-truong", "Rác ở công viên", WARD_1, false, true,
                ",\"contact\":{\"phone\":\"0912345678\"}"), List.of()));
        JsonNode hidden = accepted(submit(report("moi-truong", "Rác ở hẻm nhà tôi", WARD_1, false, false, ""), List.of()));
        for (JsonNode r : List.of(shown, hidden)) {
            operator("POST", "/admin/feedback/" + r.path("id").asText() + "/reply", "{\"answer\":\"Đã xử lý\"}");
        }
        JsonNode board = JSON.readTree(send("GET", "/api/v1/feedback?province=" + PROVINCE + "&status=answered&category=moi-truong&near=11.3101,106.1001",
                Map.of(), null).body());
        assertThat(board).singleElement().satisfies(r -> {
            assertThat(r.path("reference").asText()).isEqualTo(shown.path("reference").asText());
            assertThat(r.path("answer").asText()).isEqualTo("Đã xử lý");
            assertThat(r.path("distanceMeters").asLong()).isLessThan(50);
        });
        assertThat(board.toString()).doesNotContain("0912345678").doesNotContain("Bình").doesNotContain("citizen-");
        assertThat(JSON.readTree(send("GET", "/api/v1/feedback?province=" + PROVINCE + "&near=11.6,106.5", Map.of(), null).body())).isEmpty();
        assertThat(send("GET", "/api/v1/feedback?province=" + PROVINCE + "&near=abc", Map.of(), null).statusCode()).isEqualTo(400);
        JsonNode form = JSON.readTree(send("GET", "/api/v1/feedback/categories?province=" + PROVINCE, Map.of(), null).body());
        assertThat(form.path("categories").findParents("answerWithinHours")).extracting(c -> c.path("code").asText())
                .containsExactly("dien", "moi-truong", "giao-thong");
        assertThat(form.path("categories").get(0).path("attributes").get(0).path("values").path("cao").asText()).isEqualTo("Nguy hiểm ngay");
        assertThat(form.path("areas").findValuesAsText("code")).containsExactly("25456", "25459");
        assertThat(form.path("maxPhotos").asInt()).isEqualTo(3);

        String shownId = shown.path("id").asText();
        assertThat(get("/api/v1/feedback/" + shownId).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/api/v1/feedback/mine").body())).hasSize(2);
        token = ZALO.userToken("someone-else", "Người khác");
        assertThat(get("/api/v1/feedback/" + shownId).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("/api/v1/feedback/mine").body())).isEmpty();
    }

    @Test
    void aReportPastItsDueTimeIsEscalatedOnceAndListedAsOverdue() throws Exception {
        String id = accepted(submit(report("giao-thong", "Ổ gà lớn", WARD_1, false, false, ""), List.of())).path("id").asText();
        await().atMost(WAIT).until(() -> JSON.readTree(operator("POST", "/admin/feedback/escalation", null).body()).path("escalated").asInt() == 1);
        assertThat(JSON.readTree(operator("POST", "/admin/feedback/escalation", null).body()).path("escalated").asInt()).isZero();
        JsonNode overdue = JSON.readTree(operator("GET", "/admin/feedback?overdue=true", null).body());
        assertThat(overdue).singleElement().satisfies(r -> {
            assertThat(r.path("id").asText()).isEqualTo(id);
            assertThat(r.path("overdue").asBoolean()).isTrue();
            assertThat(r.path("escalatedAt").asText()).isNotEmpty();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback_history WHERE feedback_id = ? AND action = 'ESCALATED'",
                Integer.class, id)).isEqualTo(1);
        List<String> events = jdbc.queryForList("SELECT payload FROM outbox WHERE topic = 'notification-event' AND payload LIKE ?",
                String.class, "%feedback-escalated%");
        assertThat(events).singleElement().satisfies(e -> assertThat(e).contains("\"recipient\":\"supervisor-1\"").contains("Ổ gà lớn"));
        assertThat(officer("POST", "/admin/feedback/escalation", null).statusCode()).isEqualTo(403);
    }

    @Test
    void anAgencySystemDownForAWhileGetsEachReportOnceAndARefusalIsDeadLetteredUntilReplayed() throws Exception {
        AGENCY.stop();
        String a = accepted(submit(report("dien", "Mất điện 1", WARD_1, false, false, ",\"attributes\":{\"muc-do\":\"cao\"}"), List.of())).path("id").asText();
        String b = accepted(submit(report("dien", "Mất điện 2", WARD_2, false, false, ",\"attributes\":{\"muc-do\":\"cao\"}"), List.of())).path("id").asText();
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE topic = 'feedback-deliver' AND last_error IS NOT NULL",
                Integer.class) == 2);
        assertThat(column(a, "delivery")).isEqualTo("PENDING");
        AGENCY.start();
        await().atMost(WAIT).until(() -> "DELIVERED".equals(column(a, "delivery")) && "DELIVERED".equals(column(b, "delivery")));
        assertThat(AGENCY.count()).isEqualTo(2);
        assertThat(AGENCY.duplicatesRefused()).isZero();

        AGENCY.failAlways("/api/feedback", Fault.status(422, "{\"message\":\"unknown category\"}"));
        String c = accepted(submit(report("dien", "Mất điện 3", WARD_1, false, false, ",\"attributes\":{\"muc-do\":\"cao\"}"), List.of())).path("id").asText();
        await().atMost(WAIT).until(() -> "FAILED".equals(column(c, "delivery")));
        JsonNode failed = JSON.readTree(operator("GET", "/admin/feedback?delivery=FAILED", null).body());
        assertThat(failed.findValuesAsText("id")).containsExactly(c);
        assertThat(failed.get(0).path("lastError").asText()).contains("422");
        AGENCY.clearFaults();
        assertThat(operator("POST", "/admin/feedback/" + c + "/replay", null).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(column(c, "delivery")));
        assertThat(AGENCY.count()).isEqualTo(3);
    }

    @Test
    void agencyCallbacksMustBeSignedAndAnAgencyMovesOnlyItsOwnReports() throws Exception {
        String inbox = accepted(submit(report("moi-truong", "Rác", WARD_1, false, false, ""), List.of())).path("id").asText();
        byte[] body = ("{\"feedbackId\":\"" + inbox + "\",\"state\":10,\"note\":\"Xong\"}").getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis() / 1000;
        String path = "/webhooks/agencies/" + PROVINCE + "/dien-luc";
        assertThat(send("POST", path, Map.of("Content-Type", "application/json"), body).statusCode()).isEqualTo(401);
        assertThat(send("POST", path, Map.of("X-Govhub-Timestamp", Long.toString(now), "X-Govhub-Signature",
                "sha256=" + hmac("wrong", now, body)), body).statusCode()).isEqualTo(401);
        HttpResponse<String> signed = send("POST", path, Map.of("X-Govhub-Timestamp", Long.toString(now), "X-Govhub-Signature",
                "sha256=" + hmac("agency-callback-secret", now, body)), body);
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(signed.body()).path("applied").asInt()).as("ubnd-p1's report, not the power company's").isZero();
        assertThat(column(inbox, "status")).isEqualTo("RECEIVED");
        assertThat(send("POST", "/webhooks/agencies/" + PROVINCE + "/ubnd-p1", Map.of(), body).statusCode()).isEqualTo(404);

        // the power company's own report: a later update wins over an earlier one that arrives after it
        String own = accepted(submit(report("dien", "Mất điện", WARD_1, false, false, ",\"attributes\":{\"muc-do\":\"cao\"}"), List.of()))
                .path("id").asText();
        await().atMost(WAIT).until(() -> "DELIVERED".equals(column(own, "delivery")));
        java.time.Instant later = java.time.Instant.now().plusSeconds(3600);
        for (String update : List.of("{\"feedbackId\":\"" + own + "\",\"state\":7,\"at\":\"" + later + "\"}",
                "{\"feedbackId\":\"" + own + "\",\"state\":4,\"at\":\"" + later.minusSeconds(60) + "\"}")) {
            byte[] bytes = update.getBytes(StandardCharsets.UTF_8);
            assertThat(send("POST", path, Map.of("X-Govhub-Timestamp", Long.toString(now), "X-Govhub-Signature",
                    "sha256=" + hmac("agency-callback-secret", now, bytes)), bytes).statusCode()).isEqualTo(200);
        }
        assertThat(column(own, "status")).as("the stale 'received' did not undo 'resolving'").isEqualTo("IN_PROGRESS");
    }

    // --- helpers

    private static String report(String category, String title, double[] at, boolean anonymous, boolean publish, String extra) {
        String location = at == null ? "" : "\"location\":{\"lat\":" + at[0] + ",\"long\":" + at[1] + "},";
        return "{\"category\":\"" + category + "\",\"title\":\"" + title + "\",\"description\":\"Mô tả\"," + location
                + "\"anonymous\":" + anonymous + ",\"publish\":" + publish + extra + "}";
    }

    private HttpResponse<String> submit(String json, List<byte[]> photos) throws Exception {
        String boundary = "----govhub" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"feedback\"\r\nContent-Type: application/json\r\n\r\n"
                + json + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < photos.size(); i++) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"anh" + i
                    + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(photos.get(i));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", "/api/v1/feedback?province=" + PROVINCE, Map.of("X-Zalo-Access-Token", token,
                "Content-Type", "multipart/form-data; boundary=" + boundary), out.toByteArray());
    }

    private static JsonNode accepted(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private String column(String id, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM feedback WHERE id = ?", String.class, id);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path + (path.contains("?") ? "&" : "?") + "province=" + PROVINCE, Map.of("X-Zalo-Access-Token", token), null);
    }

    private HttpResponse<String> operator(String method, String path, String json) throws Exception {
        return send(method, path, Map.of("Authorization", "Bearer test-operator-token", "Content-Type", "application/json"),
                json == null ? (method.equals("POST") ? new byte[0] : null) : json.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> officer(String method, String path, String json) throws Exception {
        return send(method, path, Map.of("Authorization", "Bearer test-officer-p1", "Content-Type", "application/json"),
                json == null ? (method.equals("POST") ? new byte[0] : null) : json.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The OA is connected (consent) and the citizen follows it, so the answer can go as an OA message. */
    private void connectOaAndFollow(String appUserId) throws Exception {
        ZaloWebhooks webhooks = new ZaloWebhooks(ZALO, URI.create("http://127.0.0.1:" + port + "/webhooks/zalo"));
        JsonNode consent = JSON.readTree(operator("POST", "/admin/zalo/" + PROVINCE + "/consent", null).body());
        String url = consent.path("consentUrl").asText();
        String challenge = url.replaceAll(".*code_challenge=([^&]+).*", "$1");
        String state = url.replaceAll(".*state=([^&]+).*", "$1");
        String code = ZALO.authorize(java.net.URLDecoder.decode(challenge, StandardCharsets.UTF_8));
        assertThat(send("GET", "/oauth/zalo/callback?code=" + code + "&state=" + state, Map.of(), null).statusCode()).isEqualTo(200);
        assertThat(webhooks.deliver(webhooks.follow("oa-" + appUserId, appUserId))).isEqualTo(200);
        ZALO.follow("oa-" + appUserId);
        await().atMost(WAIT).until(() -> jdbc.queryForList("SELECT following FROM zalo_user WHERE app_user_id = ?", Boolean.class, appUserId)
                .contains(true));
    }

    /** Computed here with javax.crypto, independently of the hub's CallbackSignature. */
    private static String hmac(String secret, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }
}
