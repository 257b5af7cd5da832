package org.credo.learners.record;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Another institution's identifier of the learner, or a national identifier. A national identifier is kept sealed
 * and only its masked form ({@code ***-**-1234}) ever leaves this module.
 */
public record Identifier(UUID id, Kind kind, String issuer, String shown) {

    /** What sort of identifier it is. */
    public enum Kind {
        EXTERNAL,
        NATIONAL
    }

    /** The national identifier as it is shown everywhere: all but the last four characters masked. */
    public static String mask(@Nullable String lastFour) {
        return "***-**-" + (lastFour == null ? "****" : lastFour);
    }
}
