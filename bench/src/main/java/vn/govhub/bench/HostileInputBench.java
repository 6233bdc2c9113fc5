package vn.govhub.bench;

import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import vn.govhub.GovhubApplication;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The hub (demo profile, in this JVM, run with a 512 MB heap by {@code bench/run hostile}) under everything issue 14
 * lists at once: chunked uploads of 60 MB, uploads declaring 60 MB and sending nothing, webhooks dripping a byte every
 * 100 ms, photos that declare ten billion pixels, pictures with bytes appended, and news sources that never stop,
 * declare 50 MB or drip. Meanwhile a probe asks for the provinces and the readiness every 50 ms. Printed: the probe's
 * latency before the attack (baseline) and during it, its failures, the refusals the attackers got, and the heap's
 * peak; the last line is one JSON object.
 */
public final class HostileInputBench {

    private HostileInputBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        HttpServer hostile = hostilePortal();
        Path config = config(hostile.getAddress().getPort());
        List<String> hubArgs = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=demo",
                "--govhub.config-dir=" + config, "--govhub.sandbox.tthc-procedures=50", "--govhub.cluster.port=25931",
                "--spring.datasource.url=jdbc:h2:mem:hostile;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--logging.level.root=WARN", "--logging.level.vn.govhub.access=WARN", "--logging.level.vn.govhub.news=ERROR"));
        for (String simulator : List.of("portal", "tthc", "zalo", "cases", "agency")) {
            hubArgs.add("--govhub.sandbox." + simulator + "-port=" + freePort());
        }
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(GovhubApplication.class).run(hubArgs.toArray(String[]::new));
        int port = Integer.parseInt(hub.getBean(Environment.class).getProperty("local.server.port"));
        try {
            Probe before = probe(port, Duration.ofSeconds(10), null);
            AtomicBoolean attacking = new AtomicBoolean(true);
            Map<String, AtomicLong> answers = new java.util.concurrent.ConcurrentHashMap<>();
            ExecutorService attackers = Executors.newFixedThreadPool(40);
            for (int i = 0; i < 10; i++) {
                attackers.submit(() -> repeat(attacking, answers, "chunked 60 MB upload", () -> chunkedUpload(port, 60 << 20)));
                attackers.submit(() -> repeat(attacking, answers, "declared 60 MB upload", () -> declaredUpload(port, 60L << 20)));
                attackers.submit(() -> repeat(attacking, answers, "dripping webhook", () -> drippingWebhook(port)));
            }
            for (int i = 0; i < 4; i++) {
                attackers.submit(() -> repeat(attacking, answers, "photo declaring 10^10 pixels", () -> photo(port, pngBomb())));
                attackers.submit(() -> repeat(attacking, answers, "picture with bytes appended", () -> photo(port, polyglot())));
            }
            Probe during = probe(port, Duration.ofSeconds(seconds), attacking);
            attacking.set(false);
            attackers.shutdownNow();
            attackers.awaitTermination(30, TimeUnit.SECONDS);
            String health = get(port, "/actuator/health/readiness").body();
            long heapPeak = HEAP_USED_MAX.get();

            System.out.println();
            System.out.println("== hostile input, " + seconds + " s, heap max " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB ==");
            System.out.printf("probe before (baseline): %d requests, p50 %.1f ms, p99 %.1f ms, %d failed%n",
                    before.count(), before.p(50), before.p(99), before.failed());
            System.out.printf("probe during the attack: %d requests, p50 %.1f ms, p99 %.1f ms, %d failed%n",
                    during.count(), during.p(50), during.p(99), during.failed());
            answers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> System.out.printf("  %-60s %d%n", e.getKey(), e.getValue().get()));
            System.out.printf("readiness after: %s%nheap in use, most seen (sampled every 50 ms): %d MB%n", health, heapPeak / (1 << 20));
            System.out.printf("{\"bench\":\"hostile\",\"value\":%.1f,\"baseline\":%.1f,\"ratio\":%.2f,\"unit\":\"ms p99\","
                            + "\"probeFailures\":%d,\"heapPeakMb\":%d}%n", during.p(99), before.p(99), during.p(99) / before.p(99),
                    during.failed(), heapPeak / (1 << 20));
        } finally {
            hub.close();
            hostile.stop(0);
        }
    }

    // --- the probe

    record Probe(List<Double> millis, long failed) {
        int count() {
            return millis.size();
        }

        double p(int percentile) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        }
    }

    private static Probe probe(int port, Duration length, AtomicBoolean attacking) {
        List<Double> millis = new ArrayList<>();
        long failed = 0;
        long until = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < until) {
            for (String path : List.of("/api/v1/provinces", "/actuator/health/readiness")) {
                long start = System.nanoTime();
                try {
                    if (get(port, path).statusCode() != 200) {
                        failed++;
                    }
                } catch (Exception e) {
                    failed++;
                }
                millis.add((System.nanoTime() - start) / 1e6);
            }
            HEAP_USED_MAX.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        return new Probe(millis, failed);
    }

    /** The most heap in use seen by the probe (sampled every 50 ms). */
    private static final AtomicLong HEAP_USED_MAX = new AtomicLong();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // --- the attackers

    interface Attack {
        String run() throws Exception;
    }

    private static void repeat(AtomicBoolean attacking, Map<String, AtomicLong> answers, String name, Attack attack) {
        while (attacking.get()) {
            String outcome;
            try {
                outcome = attack.run();
            } catch (Exception e) {
                outcome = "connection ended (" + e.getClass().getSimpleName() + ")";
            }
            answers.computeIfAbsent(name + ": " + outcome, k -> new AtomicLong()).incrementAndGet();
        }
    }

    private static String chunkedUpload(int port, int bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/uploads?name=a.pdf HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Zalo-Access-Token: demo-citizen-token\r\n"
                    + "Content-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            chunk[0] = '%';
            try {
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException refused) {
                // the hub stopped reading: its answer follows
            }
            return status(socket.getInputStream());
        }
    }

    private static String declaredUpload(int port, long bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/uploads?name=a.pdf HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "X-Zalo-Access-Token: demo-citizen-token\r\nContent-Type: application/pdf\r\nContent-Length: " + bytes + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return status(socket.getInputStream());
        }
    }

    private static String drippingWebhook(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/cases/demo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                for (int i = 0; i < 100_000; i++) {
                    out.write('{');
                    out.flush();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    if (socket.getInputStream().available() > 0) {
                        break;
                    }
                }
            } catch (IOException refused) {
                // the hub gave up on us
            }
            return status(socket.getInputStream());
        }
    }

    private static String photo(int port, byte[] picture) throws Exception {
        String boundary = "----hostile";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"feedback\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"category\":\"moi-truong\",\"title\":\"Rác\",\"description\":\"Rác ven kênh\",\"location\":{\"lat\":11.31,\"long\":106.10}}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + picture.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(picture, 0, body, head.length, picture.length);
        System.arraycopy(tail, 0, body, head.length + picture.length, tail.length);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/feedback?province=demo"))
                .header("X-Zalo-Access-Token", "demo-citizen-token").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        return "HTTP " + answer.statusCode();
    }

    private static String status(InputStream in) throws IOException {
        byte[] line = in.readNBytes(12);
        String text = new String(line, StandardCharsets.US_ASCII);
        return text.startsWith("HTTP/1.1 ") ? "HTTP " + text.substring(9, 12) : "no answer";
    }

    private static byte[] pngBomb() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        int side = 100_000;
        byte[] chunk = {'I', 'H', 'D', 'R', (byte) (side >>> 24), (byte) (side >>> 16), (byte) (side >>> 8), (byte) side,
                (byte) (side >>> 24), (byte) (side >>> 16), (byte) (side >>> 8), (byte) side, 8, 2, 0, 0, 0};
        out.writeBytes(chunk);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        return out.toByteArray();
    }

    private static byte[] polyglot() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(800, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        out.writeBytes("PK\u0003\u0004<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    // --- hostile news sources

    private static HttpServer hostilePortal() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-portal");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/endless.rss", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] filler = "<rss><channel><title>".concat("x".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(filler);
                }
            } catch (IOException hubHungUp) {
                // expected
            }
        });
        server.createContext("/declared.rss", exchange -> {
            exchange.sendResponseHeaders(200, 50L << 20);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[1 << 20]);
            } catch (IOException hubHungUp) {
                // expected
            }
        });
        server.createContext("/drip.rss", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write('<');
                    out.flush();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                }
            } catch (IOException hubHungUp) {
                // expected
            }
        });
        server.start();
        return server;
    }

    /** The repository's configuration plus a province whose news sources are the hostile portal. */
    private static Path config(int hostilePort) throws IOException {
        Path dir = Files.createTempDirectory("govhub-hostile");
        Path provinces = Files.createDirectories(dir.resolve("provinces"));
        try (Stream<Path> files = Files.list(Path.of("config/provinces"))) {
            for (Path file : files.toList()) {
                Files.copy(file, provinces.resolve(file.getFileName()));
            }
        }
        for (String file : List.of("notifications.yml")) {
            Files.copy(Path.of("config", file), dir.resolve(file));
        }
        StringBuilder yaml = new StringBuilder("id: hostile\nname: \"Nguồn tin xấu\"\nnews:\n  sources:\n");
        for (String source : List.of("endless", "declared", "drip")) {
            yaml.append("    - id: ").append(source).append("\n      kind: rss\n      url: \"http://127.0.0.1:").append(hostilePort)
                    .append("/").append(source).append(".rss\"\n      every: 1s\n      category: chinh-quyen\n");
        }
        Files.writeString(provinces.resolve("hostile.yml"), yaml);
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
