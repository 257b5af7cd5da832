package org.credo.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One card on a role's home page: the counts of its queues and the next items in them, contributed by the module
 * that owns the work (see {@link HomeCards}). A card only links to pages its reader can open.
 *
 * @param role the role whose home shows the card
 * @param title what the work is, in the role's words
 * @param figures counts, each linking to the list it counts
 * @param next the next items to deal with, most urgent first
 * @param nothingNext what to say when {@code next} is empty
 * @param links the pages where the work is done
 * @param order where the card stands among the role's cards (lower first)
 */
public record HomeCard(
        Role role,
        String title,
        List<Figure> figures,
        List<Entry> next,
        String nothingNext,
        List<Link> links,
        int order) {

    /** A count, such as "3 awaiting your decision", linking to what it counts. */
    public record Figure(String label, long value, @Nullable String href) {}

    /** One item in a queue: what it is, a detail (a date, a status), and where to open it. */
    public record Entry(String label, @Nullable String detail, String href) {}

    /** A page where the role does this work. */
    public record Link(String label, String href) {}
}
