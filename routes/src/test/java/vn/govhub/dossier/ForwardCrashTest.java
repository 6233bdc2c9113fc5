package vn.govhub.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govhub.GovhubApplication;
import vn.govhub.sandbox.Fault;
import vn.govhub.sandbox.cases.NationalCaseSimulator;
import vn.govhub.sandbox.tthc.TthcSimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;
import vn.govhub.testing.TestDatabase;
import vn.govhub.testing.Upstreams;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crash check of the dossier flow: 1,000 dossiers submitted to a hub running in a child process, the hub killed
 * with SIGKILL while it forwards them, then started again on the same database. The case-system simulator must
 * end up holding exactly 1,000 dossiers, none refused as a duplicate, and every dossier FORWARDED.
 */
class ForwardCrashTest {

    private static final int DOSSIERS = 1000;
    @RegisterExtension
    static final Upstreams UPSTREAMS = Upstreams.start(new ZaloSimulator(0), new TthcSimulator(0, 40), new NationalCaseSimulator(0));
    private static final ZaloSimulator ZALO = UPSTREAMS.get(ZaloSimulator.class);
    private static final TthcSimulator TTHC = UPSTREAMS.get(TthcSimulator.class);
    private static final NationalCaseSimulator CASES = UPSTREAMS.get(NationalCaseSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> hubs = new ArrayList<>();

    @AfterEach
    void killHubs() {
        hubs.forEach(Process::destroyForcibly);
    }

    @Test
    void killedWhileForwardingThenRestartedEveryDossierArrivesExactlyOnce() throws Exception {
        // each call to the case system takes 20 ms, so forwarding 1,000 dossiers outlasts their submission
        CASES.failAlways("/api/integration", Fault.delay(Duration.ofMillis(20)));
        Path work = Files.createTempDirectory("govhub-crash");
        String database = "crash" + System.nanoTime();
        int port = freePort();
        Process first = hub(work, database, port, "first");
        awaitUp(port, first);
        await().atMost(Duration.ofSeconds(90)).until(() -> catalogueReady(port));

        String token = ZALO.userToken("crash-citizen", "Nguyễn Văn An");
        submitAll(port, token);
        int atKill = CASES.count();
        first.destroyForcibly().waitFor();
        assertThat(atKill).as("the hub was killed while forwarding").isBetween(1, DOSSIERS - 1);

        CASES.clearFaults();
        int secondPort = freePort();
        Process second = hub(work, database, secondPort, "second");
        awaitUp(secondPort, second);
        await().atMost(Duration.ofSeconds(120)).until(() -> CASES.count() == DOSSIERS
                && forwarded(secondPort) == DOSSIERS);
        assertThat(CASES.count()).isEqualTo(DOSSIERS);
        assertThat(CASES.duplicatesRefused()).isZero();
        long resent = CASES.dossiers().stream().filter(h -> h.pushes() > 1).count();
        assertThat(CASES.dossiers()).allSatisfy(h -> assertThat(h.pushes()).isBetween(1, 2));
        System.out.printf("crash test: %d of %d forwarded when killed; after restart %d held, %d re-sent as updates%n",
                atKill, DOSSIERS, CASES.count(), resent);
    }

    private void submitAll(int port, String token) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            futures.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < DOSSIERS; i = next.getAndIncrement()) {
                    DossierTestSupport.Multipart body = multipart();
                    HttpResponse<String> response = DossierTestSupport.send(http, port, "POST", "/api/v1/dossiers",
                            Map.of("X-Zalo-Access-Token", token, "Content-Type", body.contentType()), body.body());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        clients.shutdown();
    }

    private static DossierTestSupport.Multipart multipart() {
        String json = DossierTestSupport.submission(DossierTestSupport.MARRIAGE, List.of(), "079203001234", "0912345678", "DESK", null);
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        pdfs.put(DossierTestSupport.MARRIAGE_DOCS.get(0), DossierTestSupport.pdf(2000));
        pdfs.put(DossierTestSupport.MARRIAGE_DOCS.get(1), DossierTestSupport.pdf(3000));
        return DossierTestSupport.Multipart.of("dossier", json, pdfs, "application/pdf");
    }

    private Process hub(Path work, String database, int port, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dgovhub.test.db=" + System.getProperty("govhub.test.db", "h2"),
                // the repository's config/application.yml, as the jar reads it and as surefire gives it to this JVM
                "-Dspring.config.additional-location=" + System.getProperty("spring.config.additional-location", "file:../config/"),
                "-cp", System.getProperty("java.class.path"), GovhubApplication.class.getName(),
                "--server.port=" + port,
                "--govhub.config-dir=src/test/resources/crash-config",
                "--govhub.security.check-secrets=false", // test secrets; its simulators are on loopback
                "--govhub.http.allowed-networks=127.0.0.0/8",
                "--govhub.cluster.name=crash-" + database,
                "--govhub.cluster.port=" + freePort(),
                "--" + TestDatabase.NAME_PROPERTY + "=" + database,
                "--govhub.schedule.dossier-forward.every=50ms",
                "--govhub.dossiers.batch=20",
                "--govhub.dossiers.lease=2s",
                "--govhub.admin.token=crash-operator-token",
                "--logging.level.root=WARN",
                "--test.zalo=" + ZALO.baseUrl(), "--test.zalo-app-id=" + ZALO.appId(), "--test.zalo-app-secret=" + ZALO.appSecret(),
                "--test.zalo-oa-id=" + ZALO.oaId(), "--test.zalo-oa-secret=" + ZALO.oaSecretKey(),
                "--test.tthc=" + TTHC.baseUrl(), "--test.tthc-user=" + TthcSimulator.DEFAULT_USERNAME,
                "--test.tthc-password=" + TthcSimulator.DEFAULT_PASSWORD, "--test.tthc-unit=" + TthcSimulator.DEFAULT_UNIT_CODE,
                "--test.cases=" + CASES.baseUrl(), "--test.cases-unit=" + CASES.unitCode(),
                "--test.cases-user=" + CASES.username(), "--test.cases-password=" + CASES.password(),
                "--govhub.security.data-key=" + DossierTestSupport.DATA_KEY,
                "--govhub.files.link-secret=crash-links"));
        if (!TestDatabase.postgres()) {
            command.add("--" + TestDatabase.H2_FILE_PROPERTY + "=" + work.resolve("db").toAbsolutePath());
        }
        File log = work.resolve(name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        hubs.add(process);
        return process;
    }

    private void awaitUp(int port, Process process) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue());
            }
            try {
                return DossierTestSupport.send(http, port, "GET", "/actuator/health/liveness", Map.of(), null).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private boolean catalogueReady(int port) throws Exception {
        HttpResponse<String> response = DossierTestSupport.send(http, port, "GET", "/api/v1/procedures/" + DossierTestSupport.MARRIAGE
                + "?province=crash-test", Map.of(), null);
        return response.statusCode() == 200;
    }

    private int forwarded(int port) throws Exception {
        HttpResponse<String> response = DossierTestSupport.send(http, port, "GET", "/admin/dossiers?province=crash-test&status=FORWARDED&limit=1000",
                Map.of("Authorization", "Bearer crash-operator-token"), null);
        JsonNode rows = JSON.readTree(response.body());
        return rows.isArray() ? rows.size() : -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
