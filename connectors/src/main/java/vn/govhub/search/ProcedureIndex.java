package vn.govhub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
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
 *
 * <p>{@link ProcedureIndexBuilder} writes the index, {@link TextRanking} ranks a text query over the per-clause
 * matches of {@link ClauseMatches}; this class browses, pages and turns documents into hits.
 */
public final class ProcedureIndex {

    /** Longer queries are cut: every word adds a handful of term lookups to every candidate's score. */
    static final int MAX_QUERY_WORDS = 8;
    /** About 8 bytes each: a catalogue's whole vocabulary fits in a few megabytes. */
    public static final int MAX_CACHED_MATCHES = 2_000_000;

    private final IndexSearcher searcher;
    private final TextRanking ranking;
    /** The source document of each Lucene doc id, so hits need no stored-field decoding. */
    private final SearchDocument[] documentsByDocId;

    private ProcedureIndex(IndexSearcher searcher, SearchDocument[] documentsByDocId, int maxCachedMatches) {
        this.searcher = searcher;
        this.ranking = new TextRanking(searcher, new ClauseMatches(searcher, maxCachedMatches),
                documentsByDocId.length);
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
        try {
            ProcedureIndexBuilder.Built built = ProcedureIndexBuilder.build(List.copyOf(documents));
            return new ProcedureIndex(built.searcher(), built.documentsByDocId(), maxCachedMatches);
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
        try {
            return browse ? browse(query, offset) : textSearch(query, offset);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory search failed", e);
        }
    }

    private SearchResult browse(SearchQuery query, int offset) throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
        ProcedureFields.addFilters(builder, query);
        int wanted = Math.max(1, (int) Math.min((long) offset + query.limit(), documentsByDocId.length));
        TopDocs top = searcher.search(builder.build(),
                new TopFieldCollectorManager(ProcedureFields.BY_NAME, wanted, null, Integer.MAX_VALUE));
        List<Hit> hits = new ArrayList<>(query.limit());
        for (int i = offset; i < top.scoreDocs.length; i++) {
            hits.add(toHit(documentsByDocId[top.scoreDocs[i].doc], 0f));
        }
        return page(query, offset, hits, top.totalHits.value);
    }

    private SearchResult textSearch(SearchQuery query, int offset) throws IOException {
        List<String> words = VietnameseTerms.words(query.text());
        if (words.isEmpty()) {
            return new SearchResult(List.of(), null, 0);
        }
        words = words.subList(0, Math.min(words.size(), MAX_QUERY_WORDS));
        int wanted = (int) Math.min((long) offset + query.limit(), documentsByDocId.length);
        TextRanking.Ranked ranked = ranking.rank(words, query, wanted);
        List<ScoreDoc> best = ranked.best();
        List<Hit> hits = new ArrayList<>(query.limit());
        for (int i = offset; i < best.size(); i++) {
            hits.add(toHit(documentsByDocId[best.get(i).doc], best.get(i).score));
        }
        return page(query, offset, hits, ranked.total());
    }

    private static SearchResult page(SearchQuery query, int offset, List<Hit> hits, long total) {
        long next = (long) offset + hits.size();
        String nextCursor = !hits.isEmpty() && next < total ? SearchCursor.encode(query, (int) next) : null;
        return new SearchResult(hits, nextCursor, total);
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
