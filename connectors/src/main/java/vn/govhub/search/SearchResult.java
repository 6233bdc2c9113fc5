package vn.govhub.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param hits         this page, best first
 * @param nextCursor   opaque cursor for the next page, null on the last page
 * @param total        number of procedures that match the query and filters; when {@code totalIsExact} is false,
 *                     a lower bound ("more than {@code total}")
 * @param totalIsExact whether {@code total} is the exact count
 */
public record SearchResult(List<Hit> hits, String nextCursor, long total, boolean totalIsExact) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /** A result with an exact total. */
    public SearchResult(List<Hit> hits, String nextCursor, long total) {
        this(hits, nextCursor, total, true);
    }
}
