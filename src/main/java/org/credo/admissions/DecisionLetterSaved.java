package org.credo.admissions;

import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** The wording of the decision email and letter for one outcome was changed or reset to Credo's default. */
public record DecisionLetterSaved(ChangeStamp stamp, String outcome, boolean reset) implements Audited {

    @Override
    public String action() {
        return "admissions.letter.saved";
    }

    @Override
    public String subjectType() {
        return "DecisionLetter";
    }

    @Override
    public String subjectId() {
        return stamp.organizationId() + ":" + outcome;
    }

    @Override
    public String subjectName() {
        return "Decision letter · " + outcome;
    }

    @Override
    public String summary() {
        return (reset ? "Reset the " : "Changed the ") + outcome + " decision email and letter"
                + (reset ? " to the default" : "");
    }
}
