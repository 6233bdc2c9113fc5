package vn.govhub.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import vn.govhub.GovhubApplication;
import vn.govhub.catalogue.CatalogueSync;
import vn.govhub.connectors.tthc.TthcClient;
import vn.govhub.connectors.tthc.TthcSettings;
import vn.govhub.sandbox.tthc.TthcSimulator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The catalogue end to end: a full sync of N procedures (default 6,500) from the national-database simulator
 * (time and peak heap, beside the baseline of only fetching every detail with the same client), then HTTP
 * load on the search endpoint beside a trivial endpoint of the same server (the HTTP ceiling).
 */
public final class CatalogueBench {

    private CatalogueBench() {
    }

    public static void main(String[] args) throws Exception {
        int procedures = args.length > 0 ? Integer.parseInt(args[0]) : 6500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (TthcSimulator tthc = new TthcSimulator(0, procedures)) {
            tthc.start();
            Path configDir = Files.createTempDirectory("govhub-catalogue-bench");
            Files.createDirectories(configDir.resolve("provinces"));
            Files.writeString(configDir.resolve("provinces/bench.yml"), """
                    id: bench
                    name: "Tỉnh Benchmark"
                    catalogue:
                      enabled: true
                      sync-on-start-if-empty: false
                      source:
                        base-url: "%s"
                        unit-code: "%s"
                        username: "%s"
                        password: "%s"
                    """.formatted(tthc.baseUrl(), TthcSimulator.DEFAULT_UNIT_CODE, TthcSimulator.DEFAULT_USERNAME,
                    TthcSimulator.DEFAULT_PASSWORD));
            ConfigurableApplicationContext hub = new SpringApplicationBuilder(GovhubApplication.class).run(
                    "--server.port=0",
                    "--govhub.config-dir=" + configDir,
                    "--govhub.security.check-secrets=false", // bench secrets; the simulators are on loopback
                    "--govhub.http.allowed-networks=127.0.0.0/8",
                    "--spring.datasource.url=jdbc:h2:mem:catbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "--govhub.cluster.port=25901",
                    "--logging.level.root=WARN");
            try {
                // baseline: only fetching every detail, same client and threads as the sync
                TthcClient client = new TthcClient(new TthcSettings(tthc.baseUrl(), "/api/auth", "/api/integration",
                        TthcSimulator.DEFAULT_UNIT_CODE, TthcSimulator.DEFAULT_USERNAME, TthcSimulator.DEFAULT_PASSWORD,
                        Duration.ofSeconds(5), Duration.ofSeconds(60), Set.of(401, 403)));
                long fetchStart = System.nanoTime();
                fetchAll(client);
                double fetchSeconds = (System.nanoTime() - fetchStart) / 1e9;

                System.gc();
                resetPeaks();
                long syncStart = System.nanoTime();
                CatalogueSync.Outcome outcome = hub.getBean(CatalogueSync.class).run("bench", "benchmark");
                double syncSeconds = (System.nanoTime() - syncStart) / 1e9;
                long peakHeap = peakHeap();

                int port = Integer.parseInt(hub.getBean(Environment.class).getProperty("local.server.port"));
                List<String> searches = Queries.twoHundred().stream()
                        .map(q -> "/api/v1/procedures?province=bench&limit=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).toList();
                List<String> trivialPath = List.of("/api/v1/provinces");
                // warm-up: both paths compiled before anything is measured
                closedLoop(port, searches, 3);
                closedLoop(port, trivialPath, 3);
                Load search = closedLoop(port, searches, seconds);
                Load trivial = closedLoop(port, trivialPath, seconds);
                Load searchAtRate = fixedRate(port, searches, FIXED_RATE, seconds);
                Load trivialAtRate = fixedRate(port, trivialPath, FIXED_RATE, seconds);

                System.out.println();
                System.out.println("== catalogue, " + procedures + " procedures ==");
                System.out.printf("full sync: %s, %d added, in %.1f s; peak heap %d MB%n", outcome.status(), outcome.added(),
                        syncSeconds, peakHeap / (1024 * 1024));
                System.out.printf("baseline (fetching every detail, same client, 4 threads): %.1f s; sync/baseline %.2f%n",
                        fetchSeconds, syncSeconds / fetchSeconds);
                System.out.printf("HTTP search  capacity (%d clients, %d s): %.0f req/s, p50 %.2f ms, p99 %.2f ms%n", CLIENTS, seconds, search.rate(), search.p50(), search.p99());
                System.out.printf("HTTP trivial capacity (%d clients, %d s): %.0f req/s, p50 %.2f ms, p99 %.2f ms%n", CLIENTS, seconds, trivial.rate(), trivial.p50(), trivial.p99());
                System.out.printf("search/trivial throughput ratio: %.2f (target >= 0.5)%n", search.rate() / trivial.rate());
                System.out.printf("HTTP search  at a fixed %d req/s: %.0f req/s served, p50 %.2f ms, p99 %.2f ms%n", FIXED_RATE, searchAtRate.rate(), searchAtRate.p50(), searchAtRate.p99());
                System.out.printf("HTTP trivial at a fixed %d req/s: %.0f req/s served, p50 %.2f ms, p99 %.2f ms%n", FIXED_RATE, trivialAtRate.rate(), trivialAtRate.p50(), trivialAtRate.p99());
            } finally {
                hub.close();
            }
        }
    }

    private static void fetchAll(TthcClient client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (TthcClient.Listed listed : client.listProcedures()) {
                futures.add(pool.submit(() -> client.procedure(listed.code())));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private record Load(double rate, double p50, double p99) {
    }

    private static final int CLIENTS = 4;
    private static final int FIXED_RATE = 200;

    /** {@link #CLIENTS} clients in closed loop for {@code seconds}: requests per second and latency percentiles. */
    private static Load closedLoop(int port, List<String> paths, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c;
            clients.add(pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    get(http, port, paths.get(i++ % paths.size()));
                    latencies.add(System.nanoTime() - start);
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        return summary(latencies, seconds);
    }

    /**
     * Open loop: a request is due every 1/rate seconds whatever the server does, and its latency counts from when
     * it was due, so a stalled server shows in the percentiles instead of slowing the load down.
     */
    private static Load fixedRate(int port, List<String> paths, int rate, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> sent = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            String path = paths.get(i % paths.size());
            sent.add(senders.submit(() -> {
                get(http, port, path);
                latencies.add(System.nanoTime() - due);
                return null;
            }));
        }
        for (Future<?> request : sent) {
            request.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        senders.shutdown();
        Load load = summary(latencies, 1);
        return new Load(latencies.size() / elapsed, load.p50(), load.p99());
    }

    private static void get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }

    private static Load summary(List<Long> latencies, int seconds) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Load(sorted.size() / (double) seconds, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
