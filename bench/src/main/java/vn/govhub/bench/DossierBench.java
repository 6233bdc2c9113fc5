package vn.govhub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.govhub.GovhubApplication;
import vn.govhub.catalogue.CatalogueSync;
import vn.govhub.dossier.DossierForwarder;
import vn.govhub.sandbox.cases.NationalCaseSimulator;
import vn.govhub.sandbox.tthc.TthcSimulator;
import vn.govhub.sandbox.zalo.ZaloSimulator;

/**
 * Dossiers. Intake: N submissions (default 1,000), each multipart with two 200 KB PDF attachments, from 8 clients
 * in closed loop: dossiers/s and p50/p99 latency at the hub; beside it, the raw ceiling of the same rows and blobs
 * (dossier, two files, history, outbox) inserted by plain JDBC, one transaction each, same 8 threads, same
 * database. Forwarding: the accepted dossiers delivered from the outbox to the case-system simulator (national
 * envelope shape): dossiers/s.
 */
public final class DossierBench {

    private static final int CLIENTS = 8;
    private static final int FILE_BYTES = 200 * 1024;
    private static final String PROCEDURE = "2.008919";

    private DossierBench() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (ZaloSimulator zalo = new ZaloSimulator(0); TthcSimulator tthc = new TthcSimulator(0, 40);
             NationalCaseSimulator cases = new NationalCaseSimulator(0)) {
            zalo.start();
            tthc.start();
            cases.start();
            Path configDir = Files.createTempDirectory("govhub-dossier-bench");
            Files.createDirectories(configDir.resolve("provinces"));
            Files.writeString(configDir.resolve("provinces/bench.yml"), """
                    id: bench
                    name: "Bench"
                    catalogue:
                      enabled: true
                      sync-on-start-if-empty: false
                      source: { base-url: "%s", unit-code: "%s", username: "%s", password: "%s" }
                      fully-online: ["%s"]
                    zalo:
                      enabled: true
                      app-id: "%s"
                      app-secret: "%s"
                      oa-id: "%s"
                      oa-secret-key: "%s"
                      oauth-base-url: "%s"
                      open-api-base-url: "%s"
                      business-base-url: "%s"
                      graph-base-url: "%s"
                    dossiers:
                      enabled: true
                      agency-code: "H56.14"
                      case-system:
                        shape: NATIONAL
                        base-url: "%s"
                        unit-code: "%s"
                        username: "%s"
                        password: "%s"
                    """.formatted(tthc.baseUrl(), TthcSimulator.DEFAULT_UNIT_CODE, TthcSimulator.DEFAULT_USERNAME,
                    TthcSimulator.DEFAULT_PASSWORD, PROCEDURE, zalo.appId(), zalo.appSecret(), zalo.oaId(), zalo.oaSecretKey(),
                    zalo.baseUrl(), zalo.baseUrl(), zalo.baseUrl(), zalo.baseUrl(), cases.baseUrl(), cases.unitCode(), cases.username(),
                    cases.password()));
            ConfigurableApplicationContext hub = new SpringApplicationBuilder(GovhubApplication.class).run(
                    "--server.port=0",
                    "--govhub.config-dir=" + configDir,
                    "--govhub.security.check-secrets=false", // bench secrets; the simulators are on loopback
                    "--govhub.http.allowed-networks=127.0.0.0/8",
                    "--spring.datasource.url=jdbc:h2:mem:dossierbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "--spring.datasource.hikari.maximum-pool-size=16",
                    "--govhub.cluster.port=25921",
                    "--govhub.security.data-key=" + Base64.getEncoder().encodeToString("b".repeat(32).getBytes()),
                    "--govhub.files.link-secret=bench-links",
                    "--govhub.schedule.dossier-forward.every=1h", // forwarding is measured on its own, after intake
                    "--logging.level.root=WARN");
            try {
                CatalogueSync.Outcome synced = hub.getBean(CatalogueSync.class).run("bench", "benchmark");
                if (!"SUCCEEDED".equals(synced.status())) {
                    throw new IllegalStateException("catalogue sync " + synced.status());
                }
                int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
                byte[] pdf = pdf(FILE_BYTES);
                String[] tokens = new String[CLIENTS];
                for (int i = 0; i < CLIENTS; i++) {
                    tokens[i] = zalo.userToken("bench-user-" + i, "Công dân " + i);
                }
                // warm-up: 5% of the run, not measured
                submitAll(port, tokens, pdf, Math.max(20, total / 20));
                Load intake = submitAll(port, tokens, pdf, total);
                Load raw = rawInserts(hub.getBean(DataSource.class), pdf, total);
                System.out.println();
                System.out.println("== dossiers ==");
                System.out.printf("intake, %d dossiers with two 200 KB attachments, %d clients: %.0f dossiers/s, p50 %.1f ms, p99 %.1f ms%n",
                        total, CLIENTS, intake.perSecond(), intake.p50(), intake.p99());
                System.out.printf("baseline (the same rows and blobs by plain JDBC, one transaction each, %d threads): %.0f dossiers/s, p50 %.1f ms, p99 %.1f ms; ratio %.2f%n",
                        CLIENTS, raw.perSecond(), raw.p50(), raw.p99(), intake.perSecond() / raw.perSecond());

                DossierForwarder forwarder = hub.getBean(DossierForwarder.class);
                int expected = total + Math.max(20, total / 20);
                long start = System.nanoTime();
                int forwarded = 0;
                ExecutorService nodes = Executors.newFixedThreadPool(2);
                AtomicInteger delivered = new AtomicInteger();
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < 2; w++) { // two forwarding workers, as two ticks of one node may overlap
                    workers.add(nodes.submit(() -> {
                        int idle = 0;
                        while (delivered.get() < expected && idle < 200) {
                            int n = forwarder.forwardDue();
                            delivered.addAndGet(n);
                            idle = n == 0 ? idle + 1 : 0;
                        }
                        return null;
                    }));
                }
                for (Future<?> f : workers) {
                    f.get();
                }
                nodes.shutdown();
                forwarded = delivered.get();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("forwarding to the case-system simulator: %d dossiers in %.1f s = %.0f dossiers/s; simulator holds %d (each once: %s)%n",
                        forwarded, seconds, forwarded / seconds, cases.count(),
                        cases.duplicatesRefused() == 0 && cases.dossiers().stream().allMatch(h -> h.pushes() == 1));
            } finally {
                hub.close();
            }
        }
    }

    private record Load(double perSecond, double p50, double p99) {
    }

    private static Load submitAll(int port, String[] tokens, byte[] pdf, int total) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[total];
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            String token = tokens[c];
            futures.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    Multipart body = Multipart.of(pdf);
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/dossiers"))
                            .header("X-Zalo-Access-Token", token).header("Content-Type", body.contentType())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t0;
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("submission answered " + response.statusCode() + ": " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        return load(latencies, total / seconds);
    }

    /** The same rows and blobs the hub writes for one dossier, by plain JDBC, one transaction each. */
    private static Load rawInserts(DataSource db, byte[] pdf, int total) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[total];
        String applicant = "v1:abcd1234:" + Base64.getEncoder().encodeToString(new byte[180]);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try (Connection connection = db.getConnection()) {
                        connection.setAutoCommit(false);
                        String id = UUID.randomUUID().toString();
                        Timestamp now = Timestamp.from(Instant.now());
                        try (PreparedStatement d = connection.prepareStatement("INSERT INTO dossier (id, province, tracking_code, "
                                + "owner, procedure_code, procedure_name, status, applicant, applicant_masked, answers, return_method, "
                                + "submitted_at, updated_at) VALUES (?, 'raw', ?, 'raw-user', ?, 'Đăng ký kết hôn', 'SUBMITTED', ?, ?, '{}', 'DESK', ?, ?)")) {
                            d.setString(1, id);
                            d.setString(2, "RAW-" + i);
                            d.setString(3, PROCEDURE);
                            d.setString(4, applicant);
                            d.setString(5, "N*** V*** A***, 84912***678");
                            d.setTimestamp(6, now);
                            d.setTimestamp(7, now);
                            d.executeUpdate();
                        }
                        for (int f = 0; f < 2; f++) {
                            try (PreparedStatement file = connection.prepareStatement("INSERT INTO dossier_file (id, province, owner, "
                                    + "file_name, content_type, size_bytes, sha256, content, dossier_id, requirement_code, created_at) "
                                    + "VALUES (?, 'raw', 'raw-user', 'a.pdf', 'application/pdf', ?, ?, ?, ?, 'GT', ?)")) {
                                file.setString(1, UUID.randomUUID().toString());
                                file.setLong(2, pdf.length);
                                file.setString(3, "0".repeat(64));
                                file.setBytes(4, pdf);
                                file.setString(5, id);
                                file.setTimestamp(6, now);
                                file.executeUpdate();
                            }
                        }
                        try (PreparedStatement h = connection.prepareStatement("INSERT INTO dossier_history (dossier_id, status, note, at) VALUES (?, 'SUBMITTED', 'raw', ?)")) {
                            h.setString(1, id);
                            h.setTimestamp(2, now);
                            h.executeUpdate();
                        }
                        try (PreparedStatement o = connection.prepareStatement("INSERT INTO outbox (topic, aggregate_id, dedupe_key, payload, status, attempts, next_attempt_at, created_at, updated_at) VALUES ('raw', ?, ?, '{}', 'DONE', 0, ?, ?, ?)")) {
                            o.setString(1, id);
                            o.setString(2, "raw:" + id);
                            o.setTimestamp(3, now);
                            o.setTimestamp(4, now);
                            o.setTimestamp(5, now);
                            o.executeUpdate();
                        }
                        connection.commit();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        return load(latencies, total / seconds);
    }

    private static Load load(long[] latencies, double perSecond) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Load(perSecond, sorted[(int) (sorted.length * 0.50)] / 1e6, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6);
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < size; i++) {
            bytes[i] = (byte) ('0' + i % 10);
        }
        return bytes;
    }

    private record Multipart(String contentType, byte[] bytes) {
        static Multipart of(byte[] pdf) {
            String boundary = "----bench" + UUID.randomUUID();
            String json = "{\"procedureCode\":\"" + PROCEDURE + "\",\"applicant\":{\"name\":\"Nguyễn Văn An\",\"idNumber\":\"079203001234\","
                    + "\"phone\":\"0912345678\"},\"returnMethod\":\"DESK\"}";
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"dossier\"\r\nContent-Type: application/json\r\n\r\n"
                    + json + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String code : List.of("2.008919-GT01", "2.008919-GT02")) {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + code + "\"; filename=\"" + code
                        + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(pdf);
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }
}
