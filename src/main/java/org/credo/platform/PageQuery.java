package org.credo.platform;

import java.util.List;
import java.util.Map;

/**
 * One page of a list, the paging convention of every list in the API and the UI: {@code page}
 * counts from 0, {@code size} is 1 to {@value #MAX_SIZE}, and {@code sort} is
 * {@code field,asc} or {@code field,desc} over the fields the list allows.
 */
public record PageQuery(int page, int size, String sort, boolean ascending) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /**
     * Reads a page request, rejecting with a clear message what the list cannot do.
     *
     * @param sortable the sort fields this list allows; the first is the default
     */
    public static PageQuery of(
            Integer page, Integer size, String sort, List<String> sortable, boolean defaultAscending) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.badRequest("Invalid page", "page must be 0 or more; the first page is 0.");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest("Invalid page size", "size must be between 1 and " + MAX_SIZE + ".");
        }
        if (sort == null || sort.isBlank()) {
            return new PageQuery(p, s, sortable.get(0), defaultAscending);
        }
        var parts = sort.split(",", -1);
        var field = parts[0].trim();
        if (!sortable.contains(field)) {
            throw ProblemException.badRequest(
                    "Invalid sort", "sort field '" + field + "' is not one of " + String.join(", ", sortable) + ".");
        }
        boolean ascending = true;
        if (parts.length > 1) {
            var direction = parts[1].trim().toLowerCase();
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw ProblemException.badRequest("Invalid sort", "sort direction must be asc or desc.");
            }
            ascending = direction.equals("asc");
        }
        return new PageQuery(p, s, field, ascending);
    }

    /** Rows to skip. */
    public long offset() {
        return (long) page * size;
    }

    /**
     * An SQL {@code ORDER BY} body for this sort, from a fixed map of sort fields to columns, so that
     * nothing the caller typed reaches the SQL.
     */
    public String orderBy(Map<String, String> columns, String tieBreaker) {
        var column = columns.get(sort);
        if (column == null) {
            throw new IllegalStateException("No column for sort field " + sort);
        }
        return column + (ascending ? " ASC" : " DESC") + ", " + tieBreaker;
    }

    /** The sort as the caller writes it, for links to other pages. */
    public String sortParameter() {
        return sort + "," + (ascending ? "asc" : "desc");
    }
}
