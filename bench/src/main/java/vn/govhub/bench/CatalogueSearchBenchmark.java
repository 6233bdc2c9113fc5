package vn.govhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.govhub.catalogue.CatalogueSearch;
import vn.govhub.catalogue.OnlineLevel;
import vn.govhub.connectors.tthc.TthcMapper;
import vn.govhub.model.Procedure;
import vn.govhub.sandbox.tthc.TthcSimulator;
import vn.govhub.search.ProcedureIndex;
import vn.govhub.search.SearchDocument;
import vn.govhub.search.SearchQuery;
import vn.govhub.text.VietnameseText;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Procedure search in process over 6,500 procedures and 200 realistic queries (JMH sample mode gives p50/p99):
 * the Lucene index beside the baseline a developer would write first — a scan of accent-folded names for
 * every word of the query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CatalogueSearchBenchmark {

    private ProcedureIndex index;
    private ProcedureIndex uncached;
    private List<String> foldedNames;
    private List<String> queries;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        TthcMapper mapper = new TthcMapper();
        List<SearchDocument> documents = new ArrayList<>();
        try (TthcSimulator tthc = new TthcSimulator(0, 6500)) {
            tthc.start();
            for (String code : tthc.procedureCodes()) {
                JsonNode item = tthc.procedure(code).orElseThrow();
                Procedure procedure = mapper.procedure(item);
                documents.add(CatalogueSearch.document(procedure, OnlineLevel.FULL, procedure.active()));
            }
        }
        index = ProcedureIndex.build(documents);
        uncached = ProcedureIndex.build(documents, 0);
        foldedNames = documents.stream().map(d -> VietnameseText.fold(d.name())).toList();
        queries = Queries.twoHundred();
    }

    @Benchmark
    public Object luceneSearch() {
        return index.search(SearchQuery.text(queries.get(next++ % queries.size()), 20));
    }

    /** The same search with the clause cache off: every query scored from the postings, as on a cold index. */
    @Benchmark
    public Object luceneSearchUncached() {
        return uncached.search(SearchQuery.text(queries.get(next++ % queries.size()), 20));
    }

    @Benchmark
    public Object baselineFoldedScan() {
        String[] words = VietnameseText.fold(queries.get(next++ % queries.size())).split(" ");
        List<String> hits = new ArrayList<>();
        for (String name : foldedNames) {
            boolean all = true;
            for (String word : words) {
                if (!name.contains(word)) {
                    all = false;
                    break;
                }
            }
            if (all && hits.size() < 20) {
                hits.add(name);
            }
        }
        return hits;
    }
}
