package org.credo.platform;

import java.util.List;
import java.util.function.Function;

/** One page of results, with what a client needs to fetch the next. */
public record PageResult<T>(List<T> items, int page, int size, long totalItems, int totalPages, String sort) {

    /** A page of items out of {@code totalItems}. */
    public static <T> PageResult<T> of(List<T> items, PageQuery query, long totalItems) {
        int pages = (int) ((totalItems + query.size() - 1) / query.size());
        return new PageResult<>(items, query.page(), query.size(), totalItems, pages, query.sortParameter());
    }

    /** The same page with each item converted. */
    public <R> PageResult<R> map(Function<T, R> converter) {
        return new PageResult<>(items.stream().map(converter).toList(), page, size, totalItems, totalPages, sort);
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
