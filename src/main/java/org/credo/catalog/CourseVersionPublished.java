package org.credo.catalog;

import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A new version of a course was published, in the catalog from its effective date. */
public record CourseVersionPublished(
        ChangeStamp stamp, UUID courseId, String code, int version, LocalDate effectiveFrom, boolean retired)
        implements Audited {

    @Override
    public String action() {
        return "catalog.course.published";
    }

    @Override
    public String subjectType() {
        return "Course";
    }

    @Override
    public String subjectId() {
        return courseId.toString();
    }

    @Override
    public String summary() {
        return (retired ? "Retired " : "Published ") + code + " version " + version + " effective " + effectiveFrom;
    }

    @Override
    public String subjectName() {
        return code;
    }
}
