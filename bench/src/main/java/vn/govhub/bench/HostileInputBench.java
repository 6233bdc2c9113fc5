package vn.govhub.bench;

import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import vn.govhub.GovhubApplication;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
                attackers.submit(() -> repeat(attacking, answers, "chunked 60 MB upload", () -> HostileClients.chunkedUpload(port, 60 << 20)));
                attackers.submit(() -> repeat(attacking, answers, "declared 60 MB upload", () -> HostileClients.declaredUpload(port, 60L << 20)));
                attackers.submit(() -> repeat(attacking, answers, "dripping webhook", () -> HostileClients.drippingWebhook(port)));
            }
            for (int i = 0; i < 4; i++) {
                attackers.submit(() -> repeat(attacking, answers, "photo declaring 10^10 pixels", () -> HostileClients.photo(port, HostileClients.pngBomb())));
                attackers.submit(() -> repeat(attacking, answers, "picture with bytes appended", () -> HostileClients.photo(port, HostileClients.polyglot())));
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
