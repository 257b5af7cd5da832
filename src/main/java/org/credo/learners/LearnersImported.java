package org.credo.learners;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A people import was confirmed: every row of the file became a learner record (each has its own event too). */
public record LearnersImported(ChangeStamp stamp, UUID importId, String fileName, String sha256, int created)
        implements Audited {

    @Override
    public String action() {
        return "learner.imported";
    }

    @Override
    public String subjectType() {
        return "LearnerImport";
    }

    @Override
    public String subjectId() {
        return importId.toString();
    }

    @Override
    public String subjectName() {
        return fileName;
    }

    @Override
    public String summary() {
        return "Imported " + created + " learner records from " + fileName + " (SHA-256 " + sha256.substring(0, 12)
                + "…)";
    }
}
