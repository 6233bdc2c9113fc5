package vn.govhub.search;

import java.util.List;

/**
 * One procedure in a {@link SearchResult}. {@code score} is the relevance score of a text search (higher is
 * better, comparable only within one result) and 0 when browsing.
 */
public record Hit(String code, String name, String sectorName, List<String> levels, String onlineLevel,
                  String processingTime, String fee, float score) {

    public Hit {
        levels = List.copyOf(levels);
    }
}
