package vn.govhub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.PriorityQueue;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.memory.DirectPostingsFormat;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
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
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
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
    /** About 8 bytes each: a catalogue's whole vocabulary fits in a few megabytes. */
    public static final int MAX_CACHED_MATCHES = 2_000_000;

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
    private final MatchCache matchCache;
    /** The source document of each Lucene doc id, so hits need no stored-field decoding. */
    private final SearchDocument[] documentsByDocId;

    private ProcedureIndex(IndexSearcher searcher, SearchDocument[] documentsByDocId, int maxCachedMatches) {
        this.searcher = searcher;
        this.matchCache = new MatchCache(maxCachedMatches);
        this.documentsByDocId = documentsByDocId;
    }

    /**
     * Indexes {@code documents}, withdrawn ones included (they are filtered at search time).
     *
     * @throws IllegalArgumentException if two documents share a code
     */
    public static ProcedureIndex build(Collection<SearchDocument> documents) {
        return build(documents, MAX_CACHED_MATCHES);
    }

    /**
     * As {@link #build(Collection)}, holding at most {@code maxCachedMatches} scored matches of query clauses for
     * reuse by later searches (0: none, every search scores from the postings).
     */
    public static ProcedureIndex build(Collection<SearchDocument> documents, int maxCachedMatches) {
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
                    .setIndexSort(BY_NAME).setCodec(new InMemoryCodec());
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
            return new ProcedureIndex(new IndexSearcher(reader), byDocId, maxCachedMatches);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
    }

    /**
     * Keeps postings as plain arrays instead of compressed blocks: a catalogue is a few thousand procedures, so
     * the extra memory is a few megabytes, and decoding compressed postings was most of a broad query's time.
     */
    private static final class InMemoryCodec extends FilterCodec {
        private final PostingsFormat direct = new DirectPostingsFormat();

        InMemoryCodec() {
            super(Codec.getDefault().getName(), Codec.getDefault());
        }

        @Override
        public PostingsFormat postingsFormat() {
            return new PerFieldPostingsFormat() {
                @Override
                public PostingsFormat getPostingsFormatForField(String field) {
                    return direct;
                }
            };
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
        try {
            return browse ? browse(query, offset) : textSearch(query, offset);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory search failed", e);
        }
    }

    private SearchResult browse(SearchQuery query, int offset) throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
        addFilters(builder, query);
        int wanted = Math.max(1, (int) Math.min((long) offset + query.limit(), documentsByDocId.length));
        TopDocs top = searcher.search(builder.build(),
                new TopFieldCollectorManager(BY_NAME, wanted, null, Integer.MAX_VALUE));
        List<Hit> hits = new ArrayList<>(query.limit());
        for (int i = offset; i < top.scoreDocs.length; i++) {
            hits.add(toHit(documentsByDocId[top.scoreDocs[i].doc], 0f));
        }
        return page(query, offset, hits, top.totalHits.value);
    }

    /**
     * Scores a text query by reading each query term's postings once into per-document arrays, then combining
     * them with the ranking rules in plain Java. The same ranking written as one nested Lucene boolean query
     * evaluates every word three times (any words, all words, all words in the name) through a
     * minimum-should-match scorer, which cost milliseconds on broad queries.
     */
    private SearchResult textSearch(SearchQuery query, int offset) throws IOException {
        List<String> words = VietnameseTerms.words(query.text());
        if (words.isEmpty()) {
            return new SearchResult(List.of(), null, 0);
        }
        words = words.subList(0, Math.min(words.size(), MAX_QUERY_WORDS));
        List<String> folded = words.stream().map(VietnameseTerms::foldedTerm).toList();

        Accumulator acc = new Accumulator(documentsByDocId.length);
        for (int i = 0; i < words.size(); i++) {
            boolean last = i == words.size() - 1;
            int bit = 1 << i;
            String exact = VietnameseTerms.exactTerm(words.get(i));
            String foldedWord = folded.get(i);
            acc.add(new TermQuery(new Term(NAME_EXACT, exact)), EXACT_BOOST, bit, true);
            acc.add(new TermQuery(new Term(NAME_FOLDED, foldedWord)), 1f, bit, true);
            if (isTypo(foldedWord)) {
                acc.add(new FuzzyQuery(new Term(NAME_FOLDED, foldedWord), 1, 0, FUZZY_MAX_EXPANSIONS, true),
                        FUZZY_BOOST, bit, true);
            }
            acc.add(new TermQuery(new Term(DOCUMENTS_EXACT, exact)), DOCUMENTS_BOOST * EXACT_BOOST, bit, false);
            acc.add(new TermQuery(new Term(DOCUMENTS_FOLDED, foldedWord)), DOCUMENTS_BOOST, bit, false);
            if (last) {
                acc.add(new PrefixQuery(new Term(NAME_FOLDED, foldedWord)), PREFIX_BOOST, bit, true);
                acc.add(new PrefixQuery(new Term(DOCUMENTS_FOLDED, foldedWord)), DOCUMENTS_BOOST * PREFIX_BOOST,
                        bit, false);
            }
        }
        if (folded.size() > 1) {
            acc.addBonus(phrase(folded), PHRASE_BOOST);
        }
        if (folded.size() > 2) {
            // The last word is often still being typed: give the finished ones their proximity bonus too.
            acc.addBonus(phrase(folded.subList(0, folded.size() - 1)), PHRASE_BOOST);
        }
        for (String token : query.text().strip().split("\\s+")) {
            acc.markCode(new TermQuery(new Term(CODE, token)));
        }

        int all = (1 << words.size()) - 1;
        // Half the words (rounded up) must match somewhere; all of them ranks above that, all in the name first.
        int minimumWords = (words.size() + 1) / 2;
        Bits filter = filter(query);
        int wanted = (int) Math.min((long) offset + query.limit(), documentsByDocId.length);
        PriorityQueue<ScoreDoc> worstFirst = new PriorityQueue<>(Math.max(1, wanted + 1),
                (a, b) -> bestFirst(b, a));
        long total = 0;
        for (int doc = 0; doc < documentsByDocId.length; doc++) {
            int anywhere = acc.anywhere[doc];
            boolean code = acc.code.get(doc);
            boolean textMatch = Integer.bitCount(anywhere) >= minimumWords;
            if (!(textMatch || code) || !filter.get(doc)) {
                continue;
            }
            float score = code ? CODE_BONUS : 0f;
            if (textMatch) {
                score += acc.scores[doc];
                if (acc.inName[doc] == all) {
                    score += ALL_WORDS_IN_NAME_BONUS;
                }
                if (anywhere == all) {
                    score += ALL_WORDS_BONUS;
                }
            }
            total++;
            // docs come in index order, so a later doc with an equal score ranks below the ones kept
            if (worstFirst.size() < wanted) {
                worstFirst.add(new ScoreDoc(doc, score));
            } else if (wanted > 0 && score > worstFirst.peek().score) {
                worstFirst.poll();
                worstFirst.add(new ScoreDoc(doc, score));
            }
        }
        List<ScoreDoc> best = new ArrayList<>(worstFirst);
        best.sort(ProcedureIndex::bestFirst);
        List<Hit> hits = new ArrayList<>(query.limit());
        for (int i = offset; i < best.size(); i++) {
            hits.add(toHit(documentsByDocId[best.get(i).doc], best.get(i).score));
        }
        return page(query, offset, hits, total);
    }

    /** Relevance, then index order (name, then code): the order pages are cut in. */
    private static int bestFirst(ScoreDoc a, ScoreDoc b) {
        int byScore = Float.compare(b.score, a.score);
        return byScore != 0 ? byScore : Integer.compare(a.doc, b.doc);
    }

    private static SearchResult page(SearchQuery query, int offset, List<Hit> hits, long total) {
        long next = (long) offset + hits.size();
        String nextCursor = !hits.isEmpty() && next < total ? SearchCursor.encode(query, (int) next) : null;
        return new SearchResult(hits, nextCursor, total);
    }

    /** Per-document sums and word masks of one text query, filled term by term. */
    private final class Accumulator {
        final float[] scores;
        /** Bit i set: query word i matched the name. */
        final int[] inName;
        /** Bit i set: query word i matched the name or a required document. */
        final int[] anywhere;
        final FixedBitSet code;

        Accumulator(int maxDoc) {
            scores = new float[maxDoc];
            inName = new int[maxDoc];
            anywhere = new int[maxDoc];
            code = new FixedBitSet(Math.max(1, maxDoc));
        }

        void add(Query query, float boost, int wordBit, boolean name) throws IOException {
            forEachMatch(query, boost, (doc, score) -> {
                scores[doc] += score;
                anywhere[doc] |= wordBit;
                if (name) {
                    inName[doc] |= wordBit;
                }
            });
        }

        void addBonus(Query query, float boost) throws IOException {
            forEachMatch(query, boost, (doc, score) -> scores[doc] += score);
        }

        void markCode(Query query) throws IOException {
            forEachMatch(query, 1f, (doc, score) -> code.set(doc));
        }
    }

    private interface MatchConsumer {
        void accept(int doc, float score);
    }

    private void forEachMatch(Query query, float boost, MatchConsumer consumer) throws IOException {
        Matches matches = matchCache.get(query, boost);
        if (matches == null) {
            matches = scoreAll(query, boost);
            matchCache.put(query, boost, matches);
        }
        for (int i = 0; i < matches.docs().length; i++) {
            consumer.accept(matches.docs()[i], matches.scores()[i]);
        }
    }

    private Matches scoreAll(Query query, float boost) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, boost);
        int[] docs = new int[16];
        float[] scores = new float[16];
        int count = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator iterator = scorer.iterator();
            for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
                if (count == docs.length) {
                    docs = Arrays.copyOf(docs, count * 2);
                    scores = Arrays.copyOf(scores, count * 2);
                }
                docs[count] = leaf.docBase + doc;
                scores[count] = scorer.score();
                count++;
            }
        }
        return new Matches(Arrays.copyOf(docs, count), Arrays.copyOf(scores, count));
    }

    /** Documents passing the query's filters (withdrawn ones out unless asked for). */
    private Bits filter(SearchQuery query) throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        addFilters(builder, query);
        BooleanQuery filters = builder.build();
        if (filters.clauses().isEmpty()) {
            return new Bits.MatchAllBits(documentsByDocId.length);
        }
        FixedBitSet passing = new FixedBitSet(Math.max(1, documentsByDocId.length));
        forEachMatch(new ConstantScoreQuery(filters), 1f, (doc, score) -> passing.set(doc));
        return passing;
    }

    /**
     * Only words the names do not contain get fuzzy alternatives: expanding every word costs about a millisecond
     * per query, and a word that is in the names is far more likely meant than a neighbour one edit away.
     */
    private boolean isTypo(String folded) throws IOException {
        return folded.length() >= FUZZY_MIN_LENGTH
                && searcher.getIndexReader().docFreq(new Term(NAME_FOLDED, folded)) == 0;
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
