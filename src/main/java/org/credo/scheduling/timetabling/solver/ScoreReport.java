package org.credo.scheduling.timetabling.solver;

import java.util.List;

/**
 * The score of a timetable explained per constraint: how many times each is broken, what that costs, and the worst
 * cases. Penalties are positive numbers, as the competition reports them.
 */
public record ScoreReport(int hard, int soft, List<ConstraintReport> constraints) {

    /** One constraint's share of the score. */
    public record ConstraintReport(
            String name, boolean hard, int weight, int matches, int penalty, List<MatchReport> worst) {}

    /** One case that a constraint penalizes. */
    public record MatchReport(String description, int penalty) {}

    /** The report of one constraint, by name. */
    public ConstraintReport constraint(String name) {
        return constraints.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No constraint " + name));
    }
}
