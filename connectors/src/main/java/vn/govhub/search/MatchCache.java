package vn.govhub.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.search.Query;

/**
 * The scored matches of single query clauses (one word in one field, a prefix, a phrase), least recently used
 * first out, bounded by the number of matches held. An index never changes, so an entry never goes stale, and
 * citizens' searches draw on a small vocabulary: after a few hundred searches most words of a new query are
 * already here, and the query costs array reads instead of postings decoding and scoring.
 */
final class MatchCache {

    private record Key(Query query, float boost) {
    }

    private final int maxMatches;
    private final LinkedHashMap<Key, Matches> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long held; // guarded by this

    MatchCache(int maxMatches) {
        this.maxMatches = maxMatches;
    }

    synchronized Matches get(Query query, float boost) {
        return entries.get(new Key(query, boost));
    }

    /** Keeps {@code matches} unless they alone exceed the bound; evicts the least recently used to make room. */
    synchronized void put(Query query, float boost, Matches matches) {
        int size = matches.docs().length;
        if (size > maxMatches) {
            return;
        }
        Matches previous = entries.put(new Key(query, boost), matches);
        held += size - (previous == null ? 0 : previous.docs().length);
        var eldest = entries.entrySet().iterator();
        while (held > maxMatches && eldest.hasNext()) {
            Map.Entry<Key, Matches> entry = eldest.next();
            held -= entry.getValue().docs().length;
            eldest.remove();
        }
    }

    synchronized long held() {
        return held;
    }
}
