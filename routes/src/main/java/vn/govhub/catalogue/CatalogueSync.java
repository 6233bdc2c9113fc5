package vn.govhub.catalogue;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.connectors.tthc.TthcClient;
import vn.govhub.connectors.tthc.TthcException;
import vn.govhub.connectors.tthc.TthcSettings;
import vn.govhub.model.Procedure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One sync of a province's catalogue with the national TTHC database: list, fetch every detail, keep what the
 * province serves, then — in one transaction — insert new procedures, update changed ones with a history row per
 * changed field, and mark withdrawn those gone upstream or no longer published. Readers keep the previous
 * catalogue until that transaction commits; a run that fails before (upstream error, truncated JSON, more
 * malformed procedures than allowed) changes nothing and is recorded as FAILED.
 */
@Component("catalogueSync")
public class CatalogueSync {

    /** What a run did. */
    public record Outcome(long runId, String status, int listed, int added, int changed, int withdrawn, int unchanged,
                          int malformed, String error) {
    }

    private static final Logger log = LoggerFactory.getLogger(CatalogueSync.class);
    private static final int FETCH_THREADS = 4;

    private final ProvinceRegistry provinces;
    private final CatalogueStore store;
    private final CatalogueSearch search;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<TthcSettings, TthcClient> clients = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public CatalogueSync(ProvinceRegistry provinces, CatalogueStore store, CatalogueSearch search,
                         TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.provinces = provinces;
        this.store = store;
        this.search = search;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    /** Runs a sync now on this node (callers decide leadership); a second concurrent run of a province is refused. */
    public Outcome run(String provinceId, String trigger) {
        ProvinceProperties province = provinces.find(provinceId).filter(p -> p.enabled() && CatalogueSection.of(p).enabled())
                .orElseThrow(() -> new IllegalArgumentException("province " + provinceId + " has no enabled catalogue"));
        if (!running.add(provinceId)) {
            throw new IllegalStateException("a catalogue sync of " + provinceId + " is already running");
        }
        long runId;
        try {
            runId = store.startRun(provinceId, trigger, clock.instant());
        } catch (RuntimeException e) {
            running.remove(provinceId);
            throw e;
        }
        try {
            Outcome outcome = sync(province, runId);
            meters.counter("govhub.catalogue.runs", "province", provinceId, "status", "succeeded").increment();
            meters.counter("govhub.catalogue.changes", "province", provinceId, "kind", "added").increment(outcome.added());
            meters.counter("govhub.catalogue.changes", "province", provinceId, "kind", "changed").increment(outcome.changed());
            meters.counter("govhub.catalogue.changes", "province", provinceId, "kind", "withdrawn").increment(outcome.withdrawn());
            log.info("Catalogue {} synced (run {}): {} listed, {} added, {} changed, {} withdrawn, {} unchanged, {} malformed",
                    provinceId, runId, outcome.listed(), outcome.added(), outcome.changed(), outcome.withdrawn(),
                    outcome.unchanged(), outcome.malformed());
            return outcome;
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            store.finishRun(runId, "FAILED", clock.instant(), 0, 0, 0, 0, 0, 0, error);
            meters.counter("govhub.catalogue.runs", "province", provinceId, "status", "failed").increment();
            log.warn("Catalogue {} sync failed (run {}), the previous catalogue stays: {}", provinceId, runId, error);
            return new Outcome(runId, "FAILED", 0, 0, 0, 0, 0, 0, error);
        } finally {
            running.remove(provinceId);
        }
    }

    /** Is a sync of the province under way on this node? */
    public boolean isRunning(String provinceId) {
        return running.contains(provinceId);
    }

    private Outcome sync(ProvinceProperties province, long runId) {
        CatalogueSection config = CatalogueSection.of(province);
        TthcClient client = clients.computeIfAbsent(settings(config), TthcClient::new);
        List<TthcClient.Listed> listed = client.listProcedures();
        AtomicInteger malformed = new AtomicInteger();
        List<TthcClient.Fetched> fetched = fetchAll(client, listed, malformed, config.maxMalformed());
        Set<String> agencies = Set.copyOf(config.agencies());
        Set<String> extra = Set.copyOf(config.procedures());
        List<TthcClient.Fetched> served = fetched.stream().filter(f -> serves(f.procedure(), agencies, extra)).toList();

        Instant now = clock.instant();
        int[] counts = transaction.execute(status -> apply(province, runId, served, now));
        Outcome outcome = new Outcome(runId, "SUCCEEDED", listed.size(), counts[0], counts[1], counts[2], counts[3], malformed.get(), null);
        store.finishRun(runId, "SUCCEEDED", clock.instant(), outcome.listed(), outcome.added(), outcome.changed(),
                outcome.withdrawn(), outcome.unchanged(), outcome.malformed(), null);
        search.rebuild(province.id());
        return outcome;
    }

    /** The writes of a run: [added, changed, withdrawn, unchanged]. */
    private int[] apply(ProvinceProperties province, long runId, List<TthcClient.Fetched> served, Instant now) {
        Map<String, CatalogueStore.StoredProcedure> current = store.current(province.id());
        Set<String> seen = new HashSet<>();
        int added = 0, changed = 0, withdrawn = 0, unchanged = 0;
        for (TthcClient.Fetched f : served) {
            Procedure procedure = f.procedure();
            if (!seen.add(procedure.code())) {
                continue;
            }
            OnlineLevel online = onlineLevel(CatalogueSection.of(province), procedure.code());
            String hash = sha256(CatalogueStore.json(procedure));
            CatalogueStore.StoredProcedure before = current.get(procedure.code());
            if (before == null) {
                store.insert(province.id(), procedure, f.rawJson(), hash, online, now);
                added++;
            } else if (!before.contentHash().equals(hash)) {
                store.update(province.id(), procedure, f.rawJson(), hash, online, now);
                store.history(province.id(), procedure.code(), runId, CatalogueStore.diff(before.procedure(), procedure), now);
                if (before.active() && !procedure.active()) {
                    withdrawn++;
                } else {
                    changed++;
                }
            } else {
                if (before.onlineLevel() != online) {
                    store.setOnlineLevel(province.id(), procedure.code(), online);
                }
                unchanged++;
            }
        }
        for (CatalogueStore.StoredProcedure gone : current.values()) {
            if (!seen.contains(gone.code()) && gone.active()) {
                store.withdraw(province.id(), gone.code(), now);
                store.history(province.id(), gone.code(), runId,
                        List.of(new CatalogueStore.Change("status", "ACTIVE", "WITHDRAWN", now, runId)), now);
                withdrawn++;
            }
        }
        return new int[]{added, changed, withdrawn, unchanged};
    }

    private List<TthcClient.Fetched> fetchAll(TthcClient client, List<TthcClient.Listed> listed, AtomicInteger malformed, int maxMalformed) {
        ExecutorService pool = Executors.newFixedThreadPool(FETCH_THREADS, r -> {
            Thread t = new Thread(r, "catalogue-fetch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TthcClient.Fetched>> futures = new ArrayList<>();
            for (TthcClient.Listed item : listed) {
                futures.add(pool.submit(() -> {
                    try {
                        return client.procedure(item.code());
                    } catch (TthcException.Permanent e) {
                        if (e.getCause() instanceof com.fasterxml.jackson.core.JacksonException) {
                            throw e; // a truncated answer is a broken run, not one bad procedure
                        }
                        if (malformed.incrementAndGet() > maxMalformed) {
                            throw new TthcException.Permanent("more than " + maxMalformed + " procedures cannot be mapped; last: " + e.getMessage(), e);
                        }
                        log.warn("Procedure {} skipped: {}", item.code(), e.getMessage());
                        return null;
                    }
                }));
            }
            List<TthcClient.Fetched> fetched = new ArrayList<>();
            for (Future<TthcClient.Fetched> future : futures) {
                TthcClient.Fetched f = future.get();
                if (f != null) {
                    fetched.add(f);
                }
            }
            return fetched;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static boolean serves(Procedure procedure, Set<String> agencies, Set<String> extra) {
        if (extra.contains(procedure.code())) {
            return true;
        }
        if (agencies.isEmpty()) {
            return extra.isEmpty();
        }
        return procedure.agencies().stream().anyMatch(a -> a.code() != null && agencies.contains(a.code()));
    }

    static OnlineLevel onlineLevel(CatalogueSection config, String code) {
        if (config.fullyOnline().contains(code)) {
            return OnlineLevel.FULL;
        }
        return config.partlyOnline().contains(code) ? OnlineLevel.PARTIAL : OnlineLevel.INFO_ONLY;
    }

    private static TthcSettings settings(CatalogueSection config) {
        CatalogueSection.TthcSource s = config.source();
        return new TthcSettings(s.baseUrl(), s.authPath(), s.integrationPath(), s.unitCode(), s.username(), s.password(),
                s.connectTimeout(), s.readTimeout(), Set.copyOf(s.sessionExpiredCodes()));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
