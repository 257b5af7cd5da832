package org.credo.catalog.requirement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks of a rule against the rest of the catalog: courses it names must exist, prerequisites must not loop. */
public final class RuleChecks {

    private RuleChecks() {}

    /** The course codes a rule names that are not in the catalog, in order. */
    public static List<CourseCode> unknownCourses(Requirement rule, Set<CourseCode> known) {
        return rule.courses().stream().filter(c -> !known.contains(c)).toList();
    }

    /**
     * A prerequisite cycle through {@code start}, if there is one, written as the path that closes it
     * ('CS 201 → CS 301 → CS 201').
     *
     * @param prerequisites each course's direct prerequisites (and corequisites), including the proposed change
     */
    public static Optional<String> cycleThrough(CourseCode start, Map<CourseCode, Set<CourseCode>> prerequisites) {
        // Depth-first search from start for a path back to start.
        Deque<CourseCode> path = new ArrayDeque<>();
        Set<CourseCode> seen = new HashSet<>();
        path.addLast(start);
        if (search(start, start, prerequisites, path, seen)) {
            return Optional.of(path.stream().map(CourseCode::toString).collect(Collectors.joining(" → ")));
        }
        return Optional.empty();
    }

    private static boolean search(
            CourseCode at,
            CourseCode target,
            Map<CourseCode, Set<CourseCode>> prerequisites,
            Deque<CourseCode> path,
            Set<CourseCode> seen) {
        for (var next : new ArrayList<>(prerequisites.getOrDefault(at, Set.of()))) {
            path.addLast(next);
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && search(next, target, prerequisites, path, seen)) {
                return true;
            }
            path.removeLast();
        }
        return false;
    }
}
