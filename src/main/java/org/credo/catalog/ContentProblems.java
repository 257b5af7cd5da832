package org.credo.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.credo.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Collects every problem of a proposed course, program or credential, field by field, so that a
 * form or an API client sees them all at once.
 */
public final class ContentProblems {

    /** The title of the problem it throws, by which a form tells content problems from others. */
    public static final String TITLE = "Invalid proposal";

    private final List<Map<String, Object>> errors = new ArrayList<>();

    /** Records a problem with one field. */
    public void add(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws a 400 Problem Details listing every problem under {@code errors}, if there is any. */
    public void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        var detail = new StringBuilder();
        for (var e : errors) {
            if (!detail.isEmpty()) {
                detail.append(" ");
            }
            detail.append(e.get("field")).append(": ").append(e.get("message")).append('.');
        }
        throw new ProblemException(
                HttpStatus.BAD_REQUEST, TITLE, detail.toString(), Map.of("errors", List.copyOf(errors)));
    }
}
