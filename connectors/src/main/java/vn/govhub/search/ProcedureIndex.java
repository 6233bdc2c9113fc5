package vn.govhub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import vn.govhub.text.VietnameseText;

/**
 * In-memory full-text index of the procedure catalogue for the citizen-facing search box. Built once per
 * catalogue sync and never changed afterwards: the caller swaps the whole instance, so searches need no locking
 * and one {@link IndexSearcher} serves every thread.
 *
 * <p>Every name is indexed twice: accent-exact (tone placement normalised, see {@link VietnameseTerms}) and
 * accent-folded. A query word matches either, with fuzzy (one edit, words of four letters or more that no name
 * contains) and, for the last word, prefix alternatives on the folded form; at least half the words must match.
 * Ranking, strongest first: a procedure code typed as is; every query word found in the name; every word found in
 * the name or the required documents; the words close together in the name; accent-exact over folded-only
 * matches; name over required-document matches. Ties go to name order, then code, so pages are stable.
 */
public final class ProcedureIndex {

    /** Longer queries are cut: every word adds a handful of term lookups to every candidate's score. */
    static final int MAX_QUERY_WORDS = 8;
    private static final int FUZZY_MIN_LENGTH = 4;
    private static final int FUZZY_MAX_EXPANSIONS = 10;

    private static final float EXACT_BOOST = 2f;
    private static final float FUZZY_BOOST = 0.5f;
    private static final float PREFIX_BOOST = 0.5f;
    private static final float DOCUMENTS_BOOST = 0.2f;
    private static final float ALL_WORDS_IN_NAME_BONUS = 8f;
    private static final float ALL_WORDS_BONUS = 4f;
    private static final float PHRASE_BOOST = 2f;
    private static final int PHRASE_SLOP = 2;
    private static final float CODE_BONUS = 1000f;
    /**
     * Text searches count matches exactly up to this many; beyond it the total is a lower bound, which lets
     * Lucene skip blocks of documents that cannot reach the page instead of scoring every match.
     */
    static final int TOTAL_HITS_THRESHOLD = 1000;

    private static final String CODE = "code";
    private static final String ORDINAL = "ordinal";
    private static final String NAME_EXACT = "name_exact";
    private static final String NAME_FOLDED = "name_folded";
    private static final String DOCUMENTS_EXACT = "documents_exact";
    private static final String DOCUMENTS_FOLDED = "documents_folded";
    private static final String SECTOR = "sector";
    private static final String LEVEL = "level";
    private static final String AGENCY = "agency";
    private static final String ONLINE_LEVEL = "online_level";
    private static final String ACTIVE = "active";
    private static final String NAME_SORT = "name_sort";
    private static final String CODE_SORT = "code_sort";

    private static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(VietnameseTerms.FOLDED, Map.of(
            NAME_EXACT, VietnameseTerms.EXACT, DOCUMENTS_EXACT, VietnameseTerms.EXACT));
    private static final Sort BY_NAME = new Sort(new SortField(NAME_SORT, SortField.Type.STRING),
            new SortField(CODE_SORT, SortField.Type.STRING));

    private final IndexSearcher searcher;
    /** The source document of each Lucene doc id, so hits need no stored-field decoding. */
    private final SearchDocument[] documentsByDocId;

    private ProcedureIndex(IndexSearcher searcher, SearchDocument[] documentsByDocId) {
        this.searcher = searcher;
        this.documentsByDocId = documentsByDocId;
    }

    /**
     * Indexes {@code documents}, withdrawn ones included (they are filtered at search time).
     *
     * @throws IllegalArgumentException if two documents share a code
     */
    public static ProcedureIndex build(Collection<SearchDocument> documents) {
        List<SearchDocument> ordered = List.copyOf(documents);
        Set<String> codes = new HashSet<>();
        for (SearchDocument document : ordered) {
            if (!codes.add(document.code())) {
                throw new IllegalArgumentException("duplicate procedure code " + document.code());
            }
        }
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            // Doc ids in name-then-code order: relevance ties then fall to doc id order, which is what the
            // score-only collector uses, and browsing reads the index in order.
            IndexWriterConfig config = new IndexWriterConfig(ANALYZER).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setIndexSort(BY_NAME);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < ordered.size(); i++) {
                    writer.addDocument(toLucene(ordered.get(i), i));
                }
                writer.forceMerge(1);
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            SearchDocument[] byDocId = new SearchDocument[reader.maxDoc()];
            StoredFields storedFields = reader.storedFields();
            for (int docId = 0; docId < byDocId.length; docId++) {
                int ordinal = storedFields.document(docId).getField(ORDINAL).numericValue().intValue();
                byDocId[docId] = ordered.get(ordinal);
            }
            return new ProcedureIndex(new IndexSearcher(reader), byDocId);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
    }

    /** Number of indexed procedures, withdrawn ones included. */
    public int size() {
        return documentsByDocId.length;
    }

    /**
     * One page of procedures matching {@code query}.
     *
     * @throws IllegalArgumentException if the cursor is malformed or was issued for another query
     */
    public SearchResult search(SearchQuery query) {
        int offset = SearchCursor.offset(query);
        // String.isBlank misses the no-break space that pasted text often carries
        boolean browse = query.text() == null || VietnameseText.collapseWhitespace(query.text()).isEmpty();
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        if (browse) {
            builder.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        try {
            if (!browse) {
                Query text = textQuery(query.text());
                if (text == null) {
                    return new SearchResult(List.of(), null, 0);
                }
                builder.add(text, Occur.MUST);
            }
            addFilters(builder, query);
            int wanted = Math.max(1, (int) Math.min((long) offset + query.limit(), documentsByDocId.length));
            TopDocs top = browse
                    ? searcher.search(builder.build(),
                            new TopFieldCollectorManager(BY_NAME, wanted, null, Integer.MAX_VALUE))
                    : searcher.search(builder.build(),
                            new TopScoreDocCollectorManager(wanted, null, Math.max(TOTAL_HITS_THRESHOLD, wanted)));
            List<Hit> hits = new ArrayList<>(query.limit());
            for (int i = offset; i < top.scoreDocs.length; i++) {
                ScoreDoc scoreDoc = top.scoreDocs[i];
                hits.add(toHit(documentsByDocId[scoreDoc.doc], browse ? 0f : scoreDoc.score));
            }
            long total = top.totalHits.value;
            boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
            long next = (long) offset + hits.size();
            // a lower-bound total exceeds the threshold, which is at least offset + limit: more pages follow
            String nextCursor = !hits.isEmpty() && next < total ? SearchCursor.encode(query, (int) next) : null;
            return new SearchResult(hits, nextCursor, total, exact);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory search failed", e);
        }
    }

    private Query textQuery(String text) throws IOException {
        List<String> words = VietnameseTerms.words(text);
        if (words.isEmpty()) {
            return null;
        }
        words = words.subList(0, Math.min(words.size(), MAX_QUERY_WORDS));
        List<String> folded = words.stream().map(VietnameseTerms::foldedTerm).toList();

        BooleanQuery.Builder anyWords = new BooleanQuery.Builder();
        BooleanQuery.Builder allWordsInName = new BooleanQuery.Builder();
        BooleanQuery.Builder allWords = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            boolean last = i == words.size() - 1;
            String exact = VietnameseTerms.exactTerm(words.get(i));
            Query inName = wordInName(exact, folded.get(i), last, isTypo(folded.get(i)));
            Query inDocuments = new BoostQuery(wordInDocuments(exact, folded.get(i), last), DOCUMENTS_BOOST);
            Query anywhere = new BooleanQuery.Builder()
                    .add(inName, Occur.SHOULD)
                    .add(inDocuments, Occur.SHOULD)
                    .build();
            anyWords.add(anywhere, Occur.SHOULD);
            allWords.add(anywhere, Occur.MUST);
            allWordsInName.add(inName, Occur.MUST);
        }
        // Half the words (rounded up) must match somewhere; all of them ranks above that, all in the name first.
        anyWords.setMinimumNumberShouldMatch((words.size() + 1) / 2);

        BooleanQuery.Builder ranked = new BooleanQuery.Builder()
                .add(anyWords.build(), Occur.MUST)
                .add(new BoostQuery(new ConstantScoreQuery(allWordsInName.build()), ALL_WORDS_IN_NAME_BONUS),
                        Occur.SHOULD)
                .add(new BoostQuery(new ConstantScoreQuery(allWords.build()), ALL_WORDS_BONUS), Occur.SHOULD);
        if (folded.size() > 1) {
            ranked.add(new BoostQuery(phrase(folded), PHRASE_BOOST), Occur.SHOULD);
        }
        if (folded.size() > 2) {
            // The last word is often still being typed: give the finished ones their proximity bonus too.
            ranked.add(new BoostQuery(phrase(folded.subList(0, folded.size() - 1)), PHRASE_BOOST), Occur.SHOULD);
        }

        BooleanQuery.Builder textOrCode = new BooleanQuery.Builder().add(ranked.build(), Occur.SHOULD);
        for (String token : text.strip().split("\\s+")) {
            textOrCode.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(CODE, token))), CODE_BONUS),
                    Occur.SHOULD);
        }
        return textOrCode.build();
    }

    /**
     * Only words the names do not contain get fuzzy alternatives: expanding every word costs about a millisecond
     * per query, and a word that is in the names is far more likely meant than a neighbour one edit away.
     */
    private boolean isTypo(String folded) throws IOException {
        return folded.length() >= FUZZY_MIN_LENGTH
                && searcher.getIndexReader().docFreq(new Term(NAME_FOLDED, folded)) == 0;
    }

    private static Query wordInName(String exact, String folded, boolean last, boolean typo) {
        BooleanQuery.Builder word = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(NAME_EXACT, exact)), EXACT_BOOST), Occur.SHOULD)
                .add(new TermQuery(new Term(NAME_FOLDED, folded)), Occur.SHOULD);
        if (typo) {
            FuzzyQuery fuzzy = new FuzzyQuery(new Term(NAME_FOLDED, folded), 1, 0, FUZZY_MAX_EXPANSIONS, true);
            word.add(new BoostQuery(fuzzy, FUZZY_BOOST), Occur.SHOULD);
        }
        if (last) {
            word.add(new BoostQuery(new PrefixQuery(new Term(NAME_FOLDED, folded)), PREFIX_BOOST), Occur.SHOULD);
        }
        return word.build();
    }

    private static Query wordInDocuments(String exact, String folded, boolean last) {
        BooleanQuery.Builder word = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(DOCUMENTS_EXACT, exact)), EXACT_BOOST), Occur.SHOULD)
                .add(new TermQuery(new Term(DOCUMENTS_FOLDED, folded)), Occur.SHOULD);
        if (last) {
            word.add(new BoostQuery(new PrefixQuery(new Term(DOCUMENTS_FOLDED, folded)), PREFIX_BOOST), Occur.SHOULD);
        }
        return word.build();
    }

    private static Query phrase(List<String> foldedWords) {
        return new PhraseQuery(PHRASE_SLOP, NAME_FOLDED, foldedWords.toArray(String[]::new));
    }

    private static void addFilters(BooleanQuery.Builder builder, SearchQuery query) {
        addFilter(builder, SECTOR, query.sector());
        addFilter(builder, LEVEL, query.level());
        addFilter(builder, AGENCY, query.agency());
        addFilter(builder, ONLINE_LEVEL, query.onlineLevel());
        if (!query.includeWithdrawn()) {
            builder.add(new TermQuery(new Term(ACTIVE, "true")), Occur.FILTER);
        }
    }

    private static void addFilter(BooleanQuery.Builder builder, String field, String value) {
        if (value != null) {
            builder.add(new TermQuery(new Term(field, filterKey(value))), Occur.FILTER);
        }
    }

    /** Filter values match whatever their case, accents or Unicode form ("Xã", "xa"). */
    private static String filterKey(String value) {
        return VietnameseText.fold(value);
    }

    private static Document toLucene(SearchDocument source, int ordinal) {
        Document document = new Document();
        document.add(new StringField(CODE, source.code(), Field.Store.NO));
        document.add(new StoredField(ORDINAL, ordinal));
        document.add(new TextField(NAME_EXACT, source.name(), Field.Store.NO));
        document.add(new TextField(NAME_FOLDED, source.name(), Field.Store.NO));
        for (String documentName : source.documentNames()) {
            document.add(new TextField(DOCUMENTS_EXACT, documentName, Field.Store.NO));
            document.add(new TextField(DOCUMENTS_FOLDED, documentName, Field.Store.NO));
        }
        addKeys(document, SECTOR, source.sectorCodes());
        addKeys(document, LEVEL, source.levels());
        addKeys(document, AGENCY, source.agencyCodes());
        addKeys(document, ONLINE_LEVEL, List.of(source.onlineLevel()));
        document.add(new StringField(ACTIVE, Boolean.toString(source.active()), Field.Store.NO));
        String nameKey = VietnameseText.fold(source.name()) + '\u0000' + source.name().toLowerCase(Locale.ROOT);
        document.add(new SortedDocValuesField(NAME_SORT, new BytesRef(nameKey)));
        document.add(new SortedDocValuesField(CODE_SORT, new BytesRef(source.code())));
        return document;
    }

    private static void addKeys(Document document, String field, List<String> values) {
        values.stream().map(ProcedureIndex::filterKey).distinct()
                .forEach(key -> document.add(new StringField(field, key, Field.Store.NO)));
    }

    private static Hit toHit(SearchDocument document, float score) {
        return new Hit(document.code(), document.name(), document.sectorName(), document.levels(),
                document.onlineLevel(), document.processingTime(), document.fee(), score);
    }

    @Override
    public String toString() {
        return "ProcedureIndex[" + size() + " procedures]";
    }
}
