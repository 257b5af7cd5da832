package org.credo.learners.record;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An email, phone or address of a learner, with its type and the days it is valid. */
public record Contact(
        UUID id,
        Kind kind,
        String type,
        String value,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo) {

    /** What sort of contact it is. */
    public enum Kind {
        EMAIL,
        PHONE,
        ADDRESS
    }

    /** The types a contact may have. */
    public static final java.util.List<String> TYPES =
            java.util.List.of("HOME", "MOBILE", "WORK", "SCHOOL", "PERSONAL", "MAILING", "PERMANENT", "EMERGENCY");

    /** Whether the contact is valid on a day. */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }
}
