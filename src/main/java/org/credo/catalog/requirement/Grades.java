package org.credo.catalog.requirement;

import java.util.List;
import java.util.Optional;

/** The letter-grade scale that minimum grades are compared on, best first. */
public final class Grades {

    /** Every grade a minimum may name, best first. */
    public static final List<String> SCALE =
            List.of("A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "P", "F");

    private Grades() {}

    /** The grade in its canonical spelling, if it is on the scale. */
    public static Optional<String> parse(String grade) {
        var g = grade.trim().toUpperCase();
        return SCALE.contains(g) ? Optional.of(g) : Optional.empty();
    }

    /**
     * Whether an earned grade satisfies a minimum. Without a minimum any grade but F counts; P (pass)
     * meets no letter minimum; an unknown grade meets nothing.
     */
    public static boolean meets(String earned, String minimum) {
        var e = parse(earned);
        if (e.isEmpty() || e.get().equals("F")) {
            return false;
        }
        if (minimum.isBlank()) {
            return true;
        }
        if (e.get().equals("P")) {
            return parse(minimum).filter("P"::equals).isPresent();
        }
        return SCALE.indexOf(e.get()) <= SCALE.indexOf(parse(minimum).orElse("A+"));
    }
}
