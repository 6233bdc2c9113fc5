package vn.govhub.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import vn.govhub.text.VietnameseText;

/**
 * The fields a procedure is indexed under, shared by the indexing and the searching side so the two cannot
 * drift apart: the names each twice (accent-exact and folded, see {@link VietnameseTerms}), the filter keys, and
 * the sort keys that put doc ids in name-then-code order.
 */
final class ProcedureFields {

    static final String CODE = "code";
    static final String ORDINAL = "ordinal";
    static final String NAME_EXACT = "name_exact";
    static final String NAME_FOLDED = "name_folded";
    static final String DOCUMENTS_EXACT = "documents_exact";
    static final String DOCUMENTS_FOLDED = "documents_folded";
    static final String SECTOR = "sector";
    static final String LEVEL = "level";
    static final String AGENCY = "agency";
    static final String ONLINE_LEVEL = "online_level";
    static final String ACTIVE = "active";
    static final String NAME_SORT = "name_sort";
    static final String CODE_SORT = "code_sort";

    static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(VietnameseTerms.FOLDED, Map.of(
            NAME_EXACT, VietnameseTerms.EXACT, DOCUMENTS_EXACT, VietnameseTerms.EXACT));
    static final Sort BY_NAME = new Sort(new SortField(NAME_SORT, SortField.Type.STRING),
            new SortField(CODE_SORT, SortField.Type.STRING));

    private ProcedureFields() {
    }

    /** Adds the query's filters (withdrawn procedures out unless asked for) as non-scoring clauses. */
    static void addFilters(BooleanQuery.Builder builder, SearchQuery query) {
        addFilter(builder, SECTOR, query.sector());
        addFilter(builder, LEVEL, query.level());
        addFilter(builder, AGENCY, query.agency());
        addFilter(builder, ONLINE_LEVEL, query.onlineLevel());
        if (!query.includeWithdrawn()) {
            builder.add(new TermQuery(new Term(ACTIVE, "true")), Occur.FILTER);
        }
    }

    /** Filter values match whatever their case, accents or Unicode form ("Xã", "xa"). */
    static String filterKey(String value) {
        return VietnameseText.fold(value);
    }

    private static void addFilter(BooleanQuery.Builder builder, String field, String value) {
        if (value != null) {
            builder.add(new TermQuery(new Term(field, filterKey(value))), Occur.FILTER);
        }
    }
}
