package vn.govhub.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Every document one query clause matches, with its score, read from the postings once and then from the
 * {@link MatchCache}. Ranking combines these per-clause matches in plain Java instead of one nested Lucene query
 * (see {@link TextRanking}), so this is the only place that runs Lucene scorers.
 */
final class ClauseMatches {

    /** Receives each match of a clause, in doc id order. */
    interface Consumer {
        void accept(int doc, float score);
    }

    private final IndexSearcher searcher;
    private final MatchCache cache;

    /** @param maxCachedMatches matches held for reuse by later searches (0: none) */
    ClauseMatches(IndexSearcher searcher, int maxCachedMatches) {
        this.searcher = searcher;
        this.cache = new MatchCache(maxCachedMatches);
    }

    void forEach(Query query, float boost, Consumer consumer) throws IOException {
        Matches matches = cache.get(query, boost);
        if (matches == null) {
            matches = scoreAll(query, boost);
            cache.put(query, boost, matches);
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
}
