package org.credo.catalog.requirement;

import java.util.List;

/** A rule that cannot be stored, with every problem found in it, each in plain words. */
public class InvalidRequirement extends RuntimeException {

    private final List<String> problems;

    public InvalidRequirement(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
