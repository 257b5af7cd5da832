package org.credo.learners;

import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** The registrar changed the learner-number format or what learners may change themselves. */
public record LearnerSettingsChanged(ChangeStamp stamp, String numberFormat, String selfEdit) implements Audited {

    @Override
    public String action() {
        return "learner.settings-changed";
    }

    @Override
    public String subjectType() {
        return "Organization";
    }

    @Override
    public String subjectId() {
        return stamp.organizationId().toString();
    }

    @Override
    public String summary() {
        return "Learner numbers now look like " + numberFormat + "; learners may change: "
                + (selfEdit.isEmpty() ? "nothing" : selfEdit);
    }
}
