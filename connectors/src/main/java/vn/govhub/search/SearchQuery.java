package vn.govhub.search;

/**
 * A search or browse request against a {@link ProcedureIndex}.
 *
 * @param text             what the citizen typed; null or blank browses all procedures in name order
 *                         (accent-folded alphabetical: "Đăng ký" sorts with "Dang")
 * @param sector           sector code filter, or null
 * @param level            administrative level filter, or null
 * @param agency           agency code filter, or null
 * @param onlineLevel      online level filter ({@code FULL}, {@code PARTIAL}, {@code INFO_ONLY}), or null
 * @param includeWithdrawn whether withdrawn (inactive) procedures are included
 * @param cursor           {@link SearchResult#nextCursor()} of the previous page of the same query, or null
 * @param limit            page size, 1..{@value #MAX_LIMIT}
 */
public record SearchQuery(String text, String sector, String level, String agency, String onlineLevel,
                          boolean includeWithdrawn, String cursor, int limit) {

    public static final int MAX_LIMIT = 50;

    public SearchQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        sector = blankToNull(sector);
        level = blankToNull(level);
        agency = blankToNull(agency);
        onlineLevel = blankToNull(onlineLevel);
        cursor = blankToNull(cursor);
    }

    /** Text search without filters, first page. */
    public static SearchQuery text(String text, int limit) {
        return new SearchQuery(text, null, null, null, null, false, null, limit);
    }

    /** The same query positioned at {@code nextCursor}. */
    public SearchQuery withCursor(String nextCursor) {
        return new SearchQuery(text, sector, level, agency, onlineLevel, includeWithdrawn, nextCursor, limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
