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

import java.util.List;
import java.util.Map;
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
    private final Map<String, ProcedureIndex> indexes = new ConcurrentHashMap<>();
    private final vn.govhub.cluster.Leadership leadership;
    private final org.apache.camel.ProducerTemplate camel;

    public CatalogueSearch(CatalogueStore store, ProvinceRegistry provinces, vn.govhub.cluster.Leadership leadership,
                           org.apache.camel.ProducerTemplate camel) {
        this.store = store;
        this.provinces = provinces;
        this.leadership = leadership;
        this.camel = camel;
    }

    /** Indexes what is stored; an empty catalogue is synced at once when so configured (on the sync's leader). */
    @EventListener(ApplicationReadyEvent.class)
    public void buildAtStart() {
        for (ProvinceProperties province : provinces.enabled()) {
            if (province.catalogue().enabled()) {
                rebuild(province.id());
                if (size(province.id()) == 0 && province.catalogue().syncOnStartIfEmpty()
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
        List<SearchDocument> documents = store.all(province).stream().map(CatalogueSearch::document).toList();
        ProcedureIndex index = ProcedureIndex.build(documents);
        indexes.put(province, index);
        log.info("Catalogue index of {} rebuilt: {} procedures in {} ms", province, documents.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    public SearchResult search(String province, SearchQuery query) {
        ProcedureIndex index = indexes.get(province);
        return index == null ? new SearchResult(List.of(), null, 0) : index.search(query);
    }

    public int size(String province) {
        ProcedureIndex index = indexes.get(province);
        return index == null ? 0 : index.size();
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
