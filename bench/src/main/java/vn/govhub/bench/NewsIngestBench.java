package vn.govhub.bench;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xml.sax.InputSource;
import vn.govhub.GovhubApplication;
import vn.govhub.sandbox.Received;
import vn.govhub.sandbox.portal.PortalSimulator;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * News ingestion end to end: N sources x 50 items from the portal simulator through the hub's real routes (fetch
 * with camel-http, parse, normalise, dedupe, store), then the same items through the bare minimum (Rome parse
 * and one JDBC batch insert on one thread) as the baseline, then a re-poll of every unchanged source counting
 * the database writes it caused.
 */
public final class NewsIngestBench {

    private static final int ITEMS_PER_FEED = 50;
    /** every source is polled again this long after its first poll: the re-poll of unchanged feeds */
    private static final int REPOLL_SECONDS = 60;

    private NewsIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int sources = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int expected = sources * ITEMS_PER_FEED;
        try (PortalSimulator portal = new PortalSimulator(0)) {
            portal.setBenchFeedCount(sources);
            portal.start();
            Path configDir = writeProvince(portal, sources);

            ConfigurableApplicationContext hub = new SpringApplicationBuilder(GovhubApplication.class).run(
                    "--server.port=0",
                    "--govhub.config-dir=" + configDir,
                    "--govhub.security.check-secrets=false", // bench secrets; the simulators are on loopback
                    "--govhub.http.allowed-networks=127.0.0.0/8",
                    "--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "--govhub.news.start-stagger=0ms",
                    "--govhub.cluster.port=25801",
                    "--logging.level.root=WARN");
            try {
                JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
                waitFor(() -> count(jdbc) >= expected, Duration.ofMinutes(5), "all items stored");
                Instant firstRequest = portal.received("/bench/").stream().map(Received::receivedAt)
                        .min(Comparator.naturalOrder()).orElseThrow();
                Instant lastStored = jdbc.queryForObject("SELECT MAX(created_at) FROM news_item", Timestamp.class).toInstant();
                double hubSeconds = Duration.between(firstRequest, lastStored).toNanos() / 1e9;
                double hubRate = expected / hubSeconds;

                double baselineRate = baseline(portal, sources, expected);

                RePoll repoll = repollUnchanged(hub, jdbc, sources);

                System.out.println();
                System.out.println("== news ingestion, " + sources + " sources x " + ITEMS_PER_FEED + " items ==");
                System.out.printf("hub end to end (fetch, parse, normalise, dedupe, store): %d items in %.2f s = %.0f items/s%n",
                        expected, hubSeconds, hubRate);
                System.out.printf("baseline (Rome parse + one JDBC batch insert, one thread): %.0f items/s%n", baselineRate);
                System.out.printf("ratio hub/baseline: %.2f%n", hubRate / baselineRate);
                System.out.printf("re-poll of %d unchanged sources: %d database writes (target 0), %d answered 304, rows %d -> %d%n",
                        sources, repoll.writes(), repoll.notModified(), expected, count(jdbc));
            } finally {
                hub.close();
            }
        }
    }

    private record RePoll(long writes, long notModified) {
    }

    private static Path writeProvince(PortalSimulator portal, int sources) throws Exception {
        Path dir = Files.createTempDirectory("govhub-bench");
        Files.createDirectories(dir.resolve("provinces"));
        StringBuilder yaml = new StringBuilder("id: bench\nname: \"Tỉnh Benchmark\"\nnews:\n  sources:\n");
        for (int i = 0; i < sources; i++) {
            yaml.append("    - id: s").append(i).append("\n      kind: rss\n      url: \"").append(portal.benchUrl(i))
                    .append("\"\n      every: " + REPOLL_SECONDS + "s\n      category: chinh-quyen\n");
        }
        Files.writeString(dir.resolve("provinces/bench.yml"), yaml);
        return dir;
    }

    /** The same items, doing the least: parse each body with Rome, insert all rows in one batch, one thread. */
    private static double baseline(PortalSimulator portal, int sources, int expected) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            bodies.add(client.send(HttpRequest.newBuilder(URI.create(portal.benchUrl(i))).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:baseline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
            db.createStatement().execute("CREATE TABLE item (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, source VARCHAR(64), "
                    + "guid VARCHAR(512), title VARCHAR(1000), link VARCHAR(2000), summary VARCHAR(100000), published TIMESTAMP WITH TIME ZONE, "
                    + "UNIQUE (source, guid))");
            long start = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO item (source, guid, title, link, summary, published) VALUES (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (byte[] body : bodies) {
                    SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
                    for (SyndEntry entry : feed.getEntries()) {
                        insert.setString(1, "s" + n);
                        insert.setString(2, entry.getUri());
                        insert.setString(3, entry.getTitle());
                        insert.setString(4, entry.getLink());
                        insert.setString(5, entry.getDescription() == null ? "" : entry.getDescription().getValue());
                        insert.setTimestamp(6, entry.getPublishedDate() == null ? null : new Timestamp(entry.getPublishedDate().getTime()));
                        insert.addBatch();
                    }
                    n++;
                }
                insert.executeBatch();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return expected / seconds;
        }
    }

    /** Every source is polled again on its schedule; count what that second round wrote. */
    private static RePoll repollUnchanged(ConfigurableApplicationContext hub, JdbcTemplate jdbc, int sources) throws Exception {
        MeterRegistry meters = hub.getBean(MeterRegistry.class);
        double writesBefore = sum(meters, "govhub.news.items", null);
        double notModifiedBefore = sum(meters, "govhub.news.poll.results", "not_modified");
        String lastWrite = jdbc.queryForObject("SELECT CAST(MAX(updated_at) AS VARCHAR(64)) FROM news_item", String.class);
        waitFor(() -> sum(meters, "govhub.news.poll.results", null) >= 2.0 * sources,
                Duration.ofSeconds(REPOLL_SECONDS * 3L), "every source polled a second time");
        long writes = (long) (sum(meters, "govhub.news.items", null) - writesBefore);
        String lastWriteAfter = jdbc.queryForObject("SELECT CAST(MAX(updated_at) AS VARCHAR(64)) FROM news_item", String.class);
        if (!lastWrite.equals(lastWriteAfter)) {
            writes = Math.max(writes, 1);
        }
        return new RePoll(writes, (long) (sum(meters, "govhub.news.poll.results", "not_modified") - notModifiedBefore));
    }

    private static double sum(MeterRegistry meters, String name, String result) {
        var search = meters.find(name);
        if (result != null) {
            search = search.tag("result", result);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM news_item", Long.class);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }
}
