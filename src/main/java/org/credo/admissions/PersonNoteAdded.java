package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Admissions staff added a note to a person's timeline. */
public record PersonNoteAdded(ChangeStamp stamp, UUID noteId, UUID learnerId, String learnerName, int length)
        implements Audited {

    @Override
    public String action() {
        return "admissions.note.added";
    }

    @Override
    public String subjectType() {
        return "Learner";
    }

    @Override
    public String subjectId() {
        return learnerId.toString();
    }

    @Override
    public String subjectName() {
        return learnerName;
    }

    @Override
    public String summary() {
        return "Added an admissions note (" + length + " characters)";
    }
}
