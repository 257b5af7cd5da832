package org.credo.catalog.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.course.Courses;
import org.credo.catalog.program.Programs;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.Requirement;
import org.springframework.stereotype.Component;

/** Every program requirement and course rule that references a course: what a change to it touches. */
@Component
public class Impact {

    private final Courses courses;
    private final Programs programs;

    Impact(Courses courses, Programs programs) {
        this.courses = courses;
        this.programs = programs;
    }

    /** What references this course among the newest versions of programs and courses not retired. */
    public List<ImpactItem> of(UUID organizationId, CourseCode course) {
        var items = new ArrayList<ImpactItem>();
        for (var program : programs.allLatest(organizationId)) {
            if (program.retired()) {
                continue;
            }
            var p = program.content();
            walk(p.requirements(), "", course, p.code(), p.name(), "PROGRAM", items);
        }
        for (var version : courses.allLatest(organizationId)) {
            var c = version.content();
            if (version.retired() || c.code().equals(course)) {
                continue;
            }
            if (c.prerequisites() != null && c.prerequisites().courses().contains(course)) {
                items.add(new ImpactItem("COURSE", c.code().toString(), c.title(), "prerequisite"));
            }
            if (c.corequisites() != null && c.corequisites().courses().contains(course)) {
                items.add(new ImpactItem("COURSE", c.code().toString(), c.title(), "corequisite"));
            }
        }
        return items;
    }

    /** Programs that name the course directly, or whose credit minimum it can count toward. */
    private static void walk(
            Requirement r,
            String path,
            CourseCode course,
            String code,
            String name,
            String kind,
            List<ImpactItem> out) {
        if (r instanceof Requirement.Course c && c.course().equals(course)) {
            out.add(new ImpactItem(
                    kind, code, name, path + "requires " + r.lines().get(0).trim()));
        } else if (r instanceof Requirement.CreditMinimum m && m.admits(course)) {
            out.add(new ImpactItem(
                    kind,
                    code,
                    name,
                    path + "may count toward " + r.lines().get(0).trim()));
        }
        var label = r instanceof Requirement.AllOf a ? a.label() : r instanceof Requirement.Choose c ? c.label() : null;
        var next = label == null || label.isBlank() ? path : path + label + " › ";
        for (var child : r.children()) {
            walk(child, next, course, code, name, kind, out);
        }
    }
}
