package vn.govhub.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param hits       this page, best first
 * @param nextCursor opaque cursor for the next page, null on the last page
 * @param total      number of procedures that match the query and filters
 */
public record SearchResult(List<Hit> hits, String nextCursor, long total) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
