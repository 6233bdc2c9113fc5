package vn.govhub.search;

import static vn.govhub.search.ProcedureFields.CODE;
import static vn.govhub.search.ProcedureFields.DOCUMENTS_EXACT;
import static vn.govhub.search.ProcedureFields.DOCUMENTS_FOLDED;
import static vn.govhub.search.ProcedureFields.NAME_EXACT;
import static vn.govhub.search.ProcedureFields.NAME_FOLDED;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The ranking of a text query (see {@link ProcedureIndex} for the rules). Each query term's matches are read
 * once into per-document arrays, then combined here in plain Java. The same ranking written as one nested Lucene
 * boolean query evaluates every word three times (any words, all words, all words in the name) through a
 * minimum-should-match scorer, which cost milliseconds on broad queries.
 */
final class TextRanking {

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
     * The best documents of one query, best first, and how many matched in all.
     *
     * @param best at most the number asked for; {@code score} is the relevance
     */
    record Ranked(List<ScoreDoc> best, long total) {
    }

    private final IndexSearcher searcher;
    private final ClauseMatches matches;
    private final int maxDoc;

    TextRanking(IndexSearcher searcher, ClauseMatches matches, int maxDoc) {
        this.searcher = searcher;
        this.matches = matches;
        this.maxDoc = maxDoc;
    }

    /**
     * Ranks the documents passing the query's filters against {@code words}.
     *
     * @param words  the query's words, at least one
     * @param wanted how many of the best to keep
     */
    Ranked rank(List<String> words, SearchQuery query, int wanted) throws IOException {
        List<String> folded = words.stream().map(VietnameseTerms::foldedTerm).toList();

        Accumulator acc = new Accumulator();
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
        PriorityQueue<ScoreDoc> worstFirst = new PriorityQueue<>(Math.max(1, wanted + 1),
                (a, b) -> bestFirst(b, a));
        long total = 0;
        for (int doc = 0; doc < maxDoc; doc++) {
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
        best.sort(TextRanking::bestFirst);
        return new Ranked(best, total);
    }

    /** Relevance, then index order (name, then code): the order pages are cut in. */
    private static int bestFirst(ScoreDoc a, ScoreDoc b) {
        int byScore = Float.compare(b.score, a.score);
        return byScore != 0 ? byScore : Integer.compare(a.doc, b.doc);
    }

    /** Per-document sums and word masks of one text query, filled term by term. */
    private final class Accumulator {
        final float[] scores = new float[maxDoc];
        /** Bit i set: query word i matched the name. */
        final int[] inName = new int[maxDoc];
        /** Bit i set: query word i matched the name or a required document. */
        final int[] anywhere = new int[maxDoc];
        final FixedBitSet code = new FixedBitSet(Math.max(1, maxDoc));

        void add(Query query, float boost, int wordBit, boolean name) throws IOException {
            matches.forEach(query, boost, (doc, score) -> {
                scores[doc] += score;
                anywhere[doc] |= wordBit;
                if (name) {
                    inName[doc] |= wordBit;
                }
            });
        }

        void addBonus(Query query, float boost) throws IOException {
            matches.forEach(query, boost, (doc, score) -> scores[doc] += score);
        }

        void markCode(Query query) throws IOException {
            matches.forEach(query, 1f, (doc, score) -> code.set(doc));
        }
    }

    /** Documents passing the query's filters (withdrawn ones out unless asked for). */
    private Bits filter(SearchQuery query) throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        ProcedureFields.addFilters(builder, query);
        BooleanQuery filters = builder.build();
        if (filters.clauses().isEmpty()) {
            return new Bits.MatchAllBits(maxDoc);
        }
        FixedBitSet passing = new FixedBitSet(Math.max(1, maxDoc));
        matches.forEach(new ConstantScoreQuery(filters), 1f, (doc, score) -> passing.set(doc));
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
}
