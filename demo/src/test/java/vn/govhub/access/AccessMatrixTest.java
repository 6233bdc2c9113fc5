package vn.govhub.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.govhub.access.MappedEndpoints.Endpoint;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.sandbox.zalo.ZaloWebhooks;
import vn.govhub.testing.FreePorts;
import vn.govhub.testing.TestImages;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint the application maps (asked of the running application, never listed here), spelt ten ways, called
 * by six kinds of caller. It fails when a request reaches a handler it should not (an admin handler without an
 * operator's token, an operator's resource with an officer's, a citizen's resource anonymously, any handler through a
 * spelling whose plain form does not reach it), when citizen B reads or changes anything of citizen A, when officer Y
 * sees officer X's reports, when an unsigned webhook or unsigned file link succeeds, and on any 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "govhub.sandbox.tthc-procedures=40",
        "govhub.sandbox.cases-advance-every=0",
        "govhub.admin.token=matrix-operator-token",
        "govhub.admin.agents[0].name=officer-x",
        "govhub.admin.agents[0].token=matrix-officer-x-token",
        "govhub.admin.agents[0].agencies[0]=demo/ubnd-p1",
        "govhub.admin.agents[1].name=officer-y",
        "govhub.admin.agents[1].token=matrix-officer-y-token",
        "govhub.admin.agents[1].agencies[0]=demo/ubnd-p2",
        "govhub.dossiers.track-per-minute=1000000"})
@ActiveProfiles("demo")
@Import(ReachedHandlers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLICANT = "Nguyễn Văn Matrix";
    private static final String ID_NUMBER = "079203009876";
    private static final String PHONE = "0987654321";
    /** The report's contact: officer X, whose agency the report is routed to, may see it. */
    private static final String REPORT_PHONE = "0911222333";

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
    ApplicationContext context;
    @Autowired
    ZaloSimulator zalo;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One kind of caller and the headers that make it. */
    record Caller(String name, Map<String, String> headers) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Caller none;
    private Caller citizenA;
    private Caller citizenB;
    private Caller officerX;
    private Caller officerY;
    private Caller operator;
    private String appUserA;
    /** What citizen A owns: dossier, its tracking code, upload, report (routed to officer X's agency), photo, notification. */
    private final Map<String, String> owned = new LinkedHashMap<>();

    @BeforeAll
    void citizenAHasOneOfEverything() throws Exception {
        appUserA = "matrix-citizen-a";
        none = new Caller("none", Map.of());
        citizenA = new Caller("citizen A", Map.of("X-Zalo-Access-Token", zalo.userToken(appUserA, APPLICANT)));
        citizenB = new Caller("citizen B", Map.of("X-Zalo-Access-Token", zalo.userToken("matrix-citizen-b", "Trần Thị Bê")));
        officerX = new Caller("officer X", Map.of("Authorization", "Bearer matrix-officer-x-token"));
        officerY = new Caller("officer Y", Map.of("Authorization", "Bearer matrix-officer-y-token"));
        operator = new Caller("operator", Map.of("Authorization", "Bearer matrix-operator-token"));

        await().atMost(Duration.ofSeconds(60)).until(() -> send(none, "GET", "/api/v1/procedures/2.008919?province=demo", null, null)
                .statusCode() == 200);
        HttpResponse<String> upload = send(citizenA, "POST", "/api/v1/uploads?province=demo&name=a.pdf", "application/pdf", pdf());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        owned.put("upload", JSON.readTree(upload.body()).path("id").asText());

        String dossier = "{\"procedureCode\":\"2.008919\",\"applicant\":{\"name\":\"" + APPLICANT + "\",\"idNumber\":\"" + ID_NUMBER
                + "\",\"phone\":\"" + PHONE + "\"},\"documents\":[{\"requirementCode\":\"2.008919-GT01\",\"uploadId\":\""
                + owned.get("upload") + "\"},{\"requirementCode\":\"2.008919-GT02\",\"uploadId\":\"" + upload() + "\"}]}";
        HttpResponse<String> submitted = send(citizenA, "POST", "/api/v1/dossiers?province=demo", "application/json", bytes(dossier));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        owned.put("dossier", JSON.readTree(submitted.body()).path("id").asText());
        owned.put("trackingCode", JSON.readTree(submitted.body()).path("trackingCode").asText());

        String report = "{\"category\":\"moi-truong\",\"title\":\"Rác ven kênh\",\"description\":\"Rác đổ trộm ven kênh\","
                + "\"location\":{\"lat\":11.31,\"long\":106.10},\"contact\":{\"phone\":\"" + REPORT_PHONE + "\"}}";
        Multipart multipart = new Multipart().json("feedback", report).file("photo", "a.jpg", "image/jpeg", TestImages.jpeg(64, 48));
        HttpResponse<String> sent = send(citizenA, "POST", "/api/v1/feedback?province=demo", multipart.contentType(), multipart.body());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        owned.put("feedback", JSON.readTree(sent.body()).path("id").asText());
        owned.put("reference", JSON.readTree(sent.body()).path("reference").asText());
        JsonNode mine = JSON.readTree(send(citizenA, "GET", "/api/v1/feedback/" + owned.get("feedback") + "?province=demo", null, null).body());
        owned.put("photo", mine.path("photos").get(0).asText());

        // A follows the province's OA, so what the hub tells A goes out as an OA message
        zalo.follow("matrix-oa-a");
        ZaloWebhooks webhooks = new ZaloWebhooks(zalo, URI.create("http://127.0.0.1:" + port + "/webhooks/zalo"));
        webhooks.deliver(webhooks.follow("matrix-oa-a", appUserA));
        HttpResponse<String> event = send(operator, "POST", "/admin/notifications/events", "application/json", bytes(
                "{\"eventId\":\"matrix-1\",\"province\":\"demo\",\"kind\":\"announcement\",\"recipient\":\"" + appUserA
                        + "\",\"fields\":{\"text\":\"Chỉ dành cho " + APPLICANT + "\"}}"));
        assertThat(event.statusCode()).as(event.body()).isLessThan(300);
        await().atMost(Duration.ofSeconds(20)).until(() -> JSON.readTree(
                send(citizenA, "GET", "/api/v1/notifications?province=demo", null, null).body()).size() > 0);
        owned.put("notification", jdbc.queryForObject("SELECT MAX(id) FROM notification", Long.class).toString());
    }

    @Test
    void everyMappedEndpointSpeltEveryWayRefusesEveryCallerItIsNotFor() throws Exception {
        Set<Endpoint> endpoints = MappedEndpoints.of(context);
        // the list comes from the application; these are only proofs that it is the whole of it
        assertThat(endpoints).extracting(Endpoint::toString).contains("GET /admin/config", "GET /api/v1/dossiers/{id}",
                "GET /api/v1/news", "POST /webhooks/zalo", "GET /actuator/prometheus", "GET /open311/v2/services.{format}");
        List<Caller> callers = List.of(none, citizenA, citizenB, officerX, officerY, operator);
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Map<String, Boolean> canonicalReached = new ConcurrentHashMap<>();
        int requests = 0;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> canonical = new ArrayList<>();
            for (Endpoint endpoint : endpoints) {
                for (Caller caller : callers) {
                    canonical.add(pool.submit(() -> probe(endpoint, caller, "plain", UnaryOperator.identity(), canonicalReached, violations)));
                    requests++;
                }
            }
            for (Future<?> f : canonical) {
                f.get();
            }
            List<Future<?>> variants = new ArrayList<>();
            for (Endpoint endpoint : endpoints) {
                for (Caller caller : callers) {
                    for (Map.Entry<String, UnaryOperator<String>> spelling : SPELLINGS.entrySet()) {
                        variants.add(pool.submit(() -> probe(endpoint, caller, spelling.getKey(), spelling.getValue(),
                                canonicalReached, violations)));
                        requests++;
                    }
                }
            }
            for (Future<?> f : variants) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(violations).as(violations.size() + " violations in " + requests + " requests to " + endpoints.size()
                + " endpoints:\n" + String.join("\n", violations.stream().sorted().limit(80).toList())).isEmpty();

        // positive controls: the matrix can see a reach at all
        assertThat(canonicalReached.get("citizen A|GET /api/v1/dossiers/{id}")).isTrue();
        assertThat(canonicalReached.get("officer X|GET /admin/feedback/{id}")).isTrue();
        assertThat(canonicalReached.get("operator|GET /admin/config")).isTrue();
        assertThat(canonicalReached.get("none|GET /api/v1/news")).isTrue();
        // nothing of citizen A's was changed by anyone but A, officer X or an operator
        assertThat(jdbc.queryForObject("SELECT status FROM dossier WHERE id = ?", String.class, owned.get("dossier")))
                .isNotEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_supplement", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT actor FROM feedback_history WHERE actor IS NOT NULL", String.class))
                .doesNotContain("officer-y");
    }

    @Test
    void theSpellingsOfTheReportedBypassesAreRefused() throws Exception {
        for (String path : List.of("/admin;x=1/notifications", "/admin;x=1/config", "/admin;x=1/zalo", "/admin;x=1/dossiers",
                "/admin;x=1/catalogue/runs?province=demo", "/admin;x=1/feedback")) {
            HttpResponse<String> response = send(none, "GET", path, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        for (String path : List.of("/%61dmin/config", "/admin/config", "/admin/config/", "/%61dmin/notifications")) {
            assertThat(send(none, "GET", path, null, null).statusCode()).as(path).isEqualTo(401);
            assertThat(send(citizenA, "GET", path, null, null).statusCode()).as(path).isEqualTo(401);
            assertThat(send(officerX, "GET", path, null, null).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(send(operator, "GET", "/%61dmin/config", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void citizenBSeesNoneOfCitizenAsResourcesInTheirOwnLists() throws Exception {
        for (String path : List.of("/api/v1/dossiers", "/api/v1/feedback/mine", "/api/v1/notifications", "/api/v1/me")) {
            HttpResponse<String> response = send(citizenB, "GET", path + "?province=demo", null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain(owned.get("dossier"), owned.get("feedback"), APPLICANT, ID_NUMBER);
        }
        assertThat(send(citizenA, "GET", "/api/v1/dossiers?province=demo", null, null).body()).contains(owned.get("dossier"));
    }

    @Test
    void citizenBCannotTakeCitizenAsUploadIntoTheirOwnDossier() throws Exception {
        String waiting = upload(); // A's, not yet in any dossier
        String dossier = "{\"procedureCode\":\"2.008919\",\"applicant\":{\"name\":\"Trần Thị Bê\",\"idNumber\":\"079203001111\","
                + "\"phone\":\"0912000111\"},\"documents\":[{\"requirementCode\":\"2.008919-GT01\",\"uploadId\":\""
                + waiting + "\"}]}";
        HttpResponse<String> refused = send(citizenB, "POST", "/api/v1/dossiers?province=demo", "application/json", bytes(dossier));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("no upload of yours");
        assertThat(jdbc.queryForObject("SELECT dossier_id FROM dossier_file WHERE id = ?", String.class, waiting)).isNull();
    }

    @Test
    void officerYSeesNoneOfOfficerXsReports() throws Exception {
        assertThat(send(officerX, "GET", "/admin/feedback", null, null).body()).contains(owned.get("feedback"));
        HttpResponse<String> list = send(officerY, "GET", "/admin/feedback", null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(owned.get("feedback"), owned.get("reference"));
        assertThat(send(officerY, "GET", "/admin/feedback/" + owned.get("feedback"), null, null).statusCode()).isEqualTo(404);
        assertThat(send(officerY, "GET", "/admin/feedback/photos/" + owned.get("photo"), null, null).statusCode()).isEqualTo(404);
        assertThat(send(officerY, "POST", "/admin/feedback/" + owned.get("feedback") + "/close", "application/json",
                bytes("{\"note\":\"not mine\"}")).statusCode()).isEqualTo(404);
    }

    // --- one probe

    private void probe(Endpoint endpoint, Caller caller, String spelling, UnaryOperator<String> spell,
                       Map<String, Boolean> canonicalReached, List<String> violations) {
        if (caller == citizenA && endpoint.method().equals("POST") && ownsPath(endpoint)) {
            return; // A may change A's own things; the matrix asks whether anyone else can
        }
        String path = fill(endpoint.pattern());
        String sent = spell.apply(path);
        String probe = UUID.randomUUID().toString();
        String query = (endpoint.pattern().equals("/api/v1/uploads") ? "?name=p.pdf&" : "?") + "province=demo";
        byte[] body = endpoint.method().equals("POST") ? (endpoint.pattern().equals("/api/v1/uploads") ? pdf() : bytes("{}")) : null;
        String type = body == null ? null : endpoint.pattern().equals("/api/v1/uploads") ? "application/pdf" : "application/json";
        HttpResponse<String> response;
        try {
            Map<String, String> headers = new LinkedHashMap<>(caller.headers());
            headers.put(ReachedHandlers.PROBE_HEADER, probe);
            response = send(headers, endpoint.method(), sent + query, type, body);
        } catch (Exception e) {
            violations.add(caller + " " + endpoint.method() + " " + sent + ": no answer (" + e + ")");
            return;
        }
        String reached = ReachedHandlers.REACHED.remove(probe);
        String where = caller + " " + endpoint.method() + " " + sent + " [" + spelling + "] -> " + response.statusCode();
        if (response.statusCode() == 500) {
            violations.add(where + ": 500 " + abbreviate(response.body()));
        }
        String key = caller.name() + "|" + endpoint;
        if (spelling.equals("plain")) {
            canonicalReached.put(key, reached != null);
        } else if (reached != null && !Boolean.TRUE.equals(canonicalReached.get(key))) {
            violations.add(where + ": this spelling reached " + reached + ", which the plain path does not reach for this caller");
        }
        if (reached != null) {
            String rule = mayReach(caller, reached);
            if (rule != null) {
                violations.add(where + ": reached " + reached + " (" + rule + ")");
            }
        }
        boolean ok = response.statusCode() / 100 == 2;
        if (ok && (endpoint.pattern().startsWith("/webhooks/") || endpoint.pattern().startsWith("/files/"))) {
            violations.add(where + ": an unsigned call succeeded");
        }
        if (caller == citizenB && ok && ownsPath(endpoint)) {
            violations.add(where + ": citizen B was answered on citizen A's resource");
        }
        String leak = leak(caller, java.net.URLDecoder.decode(sent + query, StandardCharsets.UTF_8), response.body());
        if (leak != null) {
            violations.add(where + ": the answer holds " + leak);
        }
    }

    /** Why this caller must not reach this handler, or null when it may. */
    private String mayReach(Caller caller, String reached) {
        String pattern = reached.substring(reached.indexOf(' ') + 1);
        boolean admin = pattern.startsWith("/admin");
        boolean metrics = pattern.startsWith("/actuator/prometheus") || pattern.startsWith("/actuator/metrics");
        if (caller == operator) {
            return null;
        }
        if (caller == officerX || caller == officerY) {
            boolean inbox = pattern.startsWith("/admin/feedback") && !pattern.endsWith("/replay") && !pattern.endsWith("/escalation");
            if (admin && !inbox) {
                return "an officer works the feedback inbox only";
            }
            return metrics ? "metrics are the operators'" : null;
        }
        if (admin || metrics) {
            return "only operators and officers reach /admin";
        }
        return null;
    }

    /** Citizen A's personal data or ids in an answer to somebody who may not see them (ignoring what the request itself named). */
    private String leak(Caller caller, String request, String body) {
        if (caller == citizenA || caller == operator || body == null) {
            return null;
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("A's ID number", ID_NUMBER);
        secrets.put("A's phone", PHONE);
        secrets.put("A's phone (84)", "84" + PHONE.substring(1));
        secrets.put("A's dossier id", owned.get("dossier"));
        secrets.put("A's upload id", owned.get("upload"));
        if (caller != officerX) {
            secrets.put("A's report phone", REPORT_PHONE);
            secrets.put("A's report phone (84)", "84" + REPORT_PHONE.substring(1));
            secrets.put("A's name", APPLICANT);
            secrets.put("A's report id", owned.get("feedback"));
            secrets.put("A's photo id", owned.get("photo"));
        }
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            if (body.contains(secret.getValue()) && !request.contains(secret.getValue())) {
                return secret.getKey();
            }
        }
        return null;
    }

    private boolean ownsPath(Endpoint endpoint) {
        String p = endpoint.pattern();
        return p.contains("{") && (p.startsWith("/api/v1/dossiers/{") || p.startsWith("/api/v1/feedback/{"));
    }

    // --- filling patterns from what A owns; names of variables, not endpoints

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z]+)(:[^}]*)?}");

    private String fill(String pattern) {
        String path = pattern.replace("/**", "").replace("/*", "");
        if (pattern.equals("/actuator/health/**")) {
            path = "/actuator/health/liveness";
        }
        Matcher m = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), path.substring(0, m.start()))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String variable, String before) {
        return switch (variable) {
            case "province" -> "demo";
            case "agency" -> "dien-luc";
            case "format" -> "json";
            case "action" -> "claim";
            case "formId" -> "2.008919-GT01";
            case "photoId" -> owned.get("photo");
            case "requiredMetricName" -> "jvm.memory.used";
            case "code" -> before.contains("/track") ? owned.get("trackingCode") : before.contains("/procedures") ? "2.008919"
                    : before.contains("/services") ? "moi-truong" : "2.008919";
            case "id" -> before.contains("/dossiers") ? owned.get("dossier") : before.contains("/feedback") ? owned.get("feedback")
                    : before.contains("/notifications") ? owned.get("notification") : before.contains("/requests") ? owned.get("reference")
                    : "1";
            default -> "x1";
        };
    }

    /** The spellings of one path: each should be refused, or reach exactly what the plain path reaches. */
    private static final Map<String, UnaryOperator<String>> SPELLINGS = new LinkedHashMap<>();

    static {
        SPELLINGS.put("percent-encoded letter", p -> "/%" + String.format("%02X", (int) p.charAt(1)) + p.substring(2));
        SPELLINGS.put("percent-encoded last letter", p -> p.substring(0, p.length() - 1) + "%" + String.format("%02X", (int) p.charAt(p.length() - 1)));
        SPELLINGS.put(";params", p -> first(p) + ";x=1" + rest(p));
        SPELLINGS.put("leading //", p -> "/" + p);
        SPELLINGS.put("inner //", p -> first(p) + "/" + rest(p));
        SPELLINGS.put("/./", p -> first(p) + "/." + rest(p));
        SPELLINGS.put("/../", p -> "/x" + "/.." + p);
        SPELLINGS.put("trailing slash", p -> p + "/");
        SPELLINGS.put("case", p -> first(p).toUpperCase(Locale.ROOT) + rest(p));
        SPELLINGS.put("encoded slash", p -> first(p) + rest(p).replaceFirst("^/", "%2F"));
    }

    private static String first(String path) {
        int slash = path.indexOf('/', 1);
        return slash < 0 ? path : path.substring(0, slash);
    }

    private static String rest(String path) {
        int slash = path.indexOf('/', 1);
        return slash < 0 ? "" : path.substring(slash);
    }

    // --- HTTP

    private HttpResponse<String> send(Caller caller, String method, String pathAndQuery, String type, byte[] body) throws Exception {
        return send(caller.headers(), method, pathAndQuery, type, body);
    }

    private HttpResponse<String> send(Map<String, String> headers, String method, String pathAndQuery, String type, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String upload() throws Exception {
        HttpResponse<String> upload = send(citizenA, "POST", "/api/v1/uploads?province=demo&name=b.pdf", "application/pdf", pdf());
        return JSON.readTree(upload.body()).path("id").asText();
    }

    private static byte[] pdf() {
        return bytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** A multipart/form-data body. */
    static final class Multipart {
        private final String boundary = "----matrix" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart json(String name, String json) {
            out.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n"));
            return this;
        }

        Multipart file(String name, String fileName, String type, byte[] content) {
            out.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n"));
            out.writeBytes(content);
            out.writeBytes(bytes("\r\n"));
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] body() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(bytes("--" + boundary + "--\r\n"));
            return copy.toByteArray();
        }
    }
}
