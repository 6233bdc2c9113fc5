package vn.govhub.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class MatchCacheTest {

    private static TermQuery word(String word) {
        return new TermQuery(new Term("name_folded", word));
    }

    private static Matches matches(int count) {
        return new Matches(new int[count], new float[count]);
    }

    @Test
    void leastRecentlyUsedGoesFirstWhenTheBoundIsReached() {
        MatchCache cache = new MatchCache(10);
        cache.put(word("cap"), 1f, matches(4));
        cache.put(word("giay"), 1f, matches(4));
        assertThat(cache.get(word("cap"), 1f)).isNotNull(); // "giay" is now the least recently used
        cache.put(word("phep"), 1f, matches(4));

        assertThat(cache.get(word("giay"), 1f)).isNull();
        assertThat(cache.get(word("cap"), 1f)).isNotNull();
        assertThat(cache.get(word("phep"), 1f)).isNotNull();
        assertThat(cache.held()).isEqualTo(8);
    }

    @Test
    void sameClauseWithAnotherBoostIsAnotherEntry() {
        MatchCache cache = new MatchCache(10);
        cache.put(word("cap"), 1f, matches(2));
        assertThat(cache.get(word("cap"), 0.5f)).isNull();
    }

    @Test
    void matchesLargerThanTheWholeBoundAreNotKept() {
        MatchCache cache = new MatchCache(3);
        cache.put(word("cap"), 1f, matches(4));
        assertThat(cache.get(word("cap"), 1f)).isNull();
        assertThat(cache.held()).isZero();
    }

    @Test
    void zeroBoundKeepsNothing() {
        MatchCache cache = new MatchCache(0);
        cache.put(word("cap"), 1f, matches(0));
        cache.put(word("giay"), 1f, matches(1));
        assertThat(cache.get(word("giay"), 1f)).isNull();
    }
}
