package org.credo.scheduling.timetabling.solver;

import java.util.Comparator;

/**
 * How hard a lecture is to place, for the first-fit-decreasing construction (hardest placed first): lectures of
 * courses with more meetings a week, then with more students (fewer rooms fit them).
 */
public class LectureDifficulty implements Comparator<Lecture> {

    private static final Comparator<Lecture> ORDER = Comparator.comparingInt(
                    (Lecture l) -> l.getCourse().lectures())
            .thenComparingInt(l -> l.getCourse().students())
            .thenComparing(Lecture::getId);

    @Override
    public int compare(Lecture a, Lecture b) {
        return ORDER.compare(a, b);
    }
}
