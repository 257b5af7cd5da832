package org.credo.admissions.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of an application's history. */
public record ApplicationEvent(String kind, @Nullable String detail, String actorName, Instant occurredAt) {

    /** The kind in words. */
    public String label() {
        return switch (kind) {
            case "STARTED" -> "Started";
            case "ENTERED" -> "Entered by staff";
            case "IMPORTED" -> "Imported";
            case "ANSWERS_SAVED" -> "Answers saved";
            case "DOCUMENT_UPLOADED" -> "Document uploaded";
            case "SUBMITTED" -> "Submitted";
            default -> kind.substring(0, 1) + kind.substring(1).toLowerCase().replace('_', ' ');
        };
    }
}
