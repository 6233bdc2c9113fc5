package vn.govhub.catalogue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;
import vn.govhub.model.Procedure;
import vn.govhub.search.ProcedureIndex;
import vn.govhub.search.SearchDocument;
import vn.govhub.search.SearchQuery;
import vn.govhub.search.SearchResult;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The search side of the catalogue: one in-memory Lucene index per province, built from the database after each
 * successful sync (and at start-up) and swapped in atomically, so searches never see a half-built index.
 */
@Component
public class CatalogueSearch {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSearch.class);

    private final CatalogueStore store;
    private final ProvinceRegistry provinces;
    /**
     * What a rebuild makes of one province's stored catalogue; swapped in whole. Its result cache (answers by
     * query, bounded, LRU) lives and dies with the index, so a sync can never serve a stale answer.
     */
    private record Snapshot(ProcedureIndex index, Set<String> sectorCodes, List<CatalogueApi.SectorView> activeSectors,
                            com.github.benmanes.caffeine.cache.Cache<SearchQuery, SearchResult> results) {
    }

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final vn.govhub.cluster.Leadership leadership;
    private final org.apache.camel.ProducerTemplate camel;

    private final int resultCacheSize;

    /**
     * @param resultCacheSize answers kept per province ({@code govhub.catalogue.result-cache}); the mini app's
     *                        queries repeat a lot (the same popular procedures, typed the same way); 0 disables
     */
    public CatalogueSearch(CatalogueStore store, ProvinceRegistry provinces, vn.govhub.cluster.Leadership leadership,
                           org.apache.camel.ProducerTemplate camel,
                           @org.springframework.beans.factory.annotation.Value("${govhub.catalogue.result-cache:10000}") int resultCacheSize) {
        this.resultCacheSize = resultCacheSize;
        this.store = store;
        this.provinces = provinces;
        this.leadership = leadership;
        this.camel = camel;
    }

    /** Indexes what is stored; an empty catalogue is synced at once when so configured (on the sync's leader). */
    @EventListener(ApplicationReadyEvent.class)
    public void buildAtStart() {
        for (ProvinceProperties province : provinces.enabled()) {
            if (CatalogueSection.of(province).enabled()) {
                rebuild(province.id());
                if (size(province.id()) == 0 && CatalogueSection.of(province).syncOnStartIfEmpty()
                        && leadership.isLeader("catalogue-sync-" + province.id())) {
                    log.info("Catalogue of {} is empty: syncing now", province.id());
                    camel.sendBodyAndHeader(CatalogueRoutes.SYNC_QUEUE, null, "province", province.id());
                }
            }
        }
    }

    /** Rebuilds the province's index from what is stored and swaps it in. */
    public void rebuild(String province) {
        long started = System.nanoTime();
        List<CatalogueStore.StoredProcedure> stored = store.all(province);
        List<SearchDocument> documents = stored.stream().map(CatalogueSearch::document).toList();
        Set<String> sectorCodes = new HashSet<>();
        Map<String, CatalogueApi.SectorView> active = new TreeMap<>();
        for (CatalogueStore.StoredProcedure procedure : stored) {
            for (Procedure.Ref sector : procedure.procedure().sectors()) {
                sectorCodes.add(sector.code());
                if (procedure.active() && sector.code() != null) {
                    active.merge(sector.code(), new CatalogueApi.SectorView(sector.code(), sector.name(), 1),
                            (a, b) -> new CatalogueApi.SectorView(a.code(), a.name(), a.procedures() + 1));
                }
            }
        }
        snapshots.put(province, new Snapshot(ProcedureIndex.build(documents), Set.copyOf(sectorCodes.stream()
                .filter(c -> c != null).toList()), List.copyOf(active.values()),
                com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(resultCacheSize).<SearchQuery, SearchResult>build()));
        log.info("Catalogue index of {} rebuilt: {} procedures in {} ms", province, documents.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    public SearchResult search(String province, SearchQuery query) {
        Snapshot snapshot = snapshots.get(province);
        if (snapshot == null) {
            return new SearchResult(List.of(), null, 0);
        }
        return resultCacheSize == 0 ? snapshot.index().search(query) : snapshot.results().get(query, snapshot.index()::search);
    }

    public int size(String province) {
        Snapshot snapshot = snapshots.get(province);
        return snapshot == null ? 0 : snapshot.index().size();
    }

    /** Codes of every sector in the stored catalogue, withdrawn procedures included. */
    public Set<String> sectorCodes(String province) {
        Snapshot snapshot = snapshots.get(province);
        return snapshot == null ? Set.of() : snapshot.sectorCodes();
    }

    /** Sectors with their number of active procedures, by code. */
    public List<CatalogueApi.SectorView> activeSectors(String province) {
        Snapshot snapshot = snapshots.get(province);
        return snapshot == null ? List.of() : snapshot.activeSectors();
    }

    static SearchDocument document(CatalogueStore.StoredProcedure stored) {
        return document(stored.procedure(), stored.onlineLevel(), stored.active());
    }

    /** What the index needs of a procedure. */
    public static SearchDocument document(Procedure p, OnlineLevel online, boolean active) {
        return new SearchDocument(p.code(), p.name(),
                p.sectors().stream().map(Procedure.Ref::code).filter(c -> c != null).toList(),
                p.sectors().isEmpty() ? null : p.sectors().get(0).name(),
                p.levels().stream().filter(l -> l.tier() != null).map(l -> l.tier().name()).distinct().toList(),
                p.agencies().stream().map(Procedure.Ref::code).filter(c -> c != null).toList(),
                online.name(),
                p.documents().stream().flatMap(c -> c.documents().stream()).map(Procedure.Document::name).filter(n -> n != null).distinct().toList(),
                p.processingTimeSummary(), p.feeSummary(), active);
    }
}
