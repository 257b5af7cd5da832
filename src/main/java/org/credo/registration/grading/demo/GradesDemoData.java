package org.credo.registration.grading.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.credo.platform.Organizations;
import org.credo.platform.config.CredoProperties;
import org.credo.registration.grading.GradeRosters;
import org.credo.scheduling.Scheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, the instructor's final grades for Northfield's past term, Fall 2026, submitted through the real
 * grade roster on the final-grades date: the demo learner's DATA 101 is an A, so their audit counts it.
 */
@Component
@Order(71)
class GradesDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GradesDemoData.class);
    private static final List<String> GRADES = List.of("A", "B+", "B", "A-", "C+", "B-");

    private final CredoProperties properties;
    private final Organizations organizations;
    private final Scheduling scheduling;
    private final GradeRosters rosters;

    GradesDemoData(
            CredoProperties properties, Organizations organizations, Scheduling scheduling, GradeRosters rosters) {
        this.properties = properties;
        this.organizations = organizations;
        this.scheduling = scheduling;
        this.rosters = rosters;
    }

    @Override
    public void run(ApplicationArguments args) {
        var northfield = organizations.findBySlug("northfield");
        if (!properties.demo() || northfield.isEmpty()) {
            return;
        }
        var org = northfield.get().id();
        var fall = scheduling.term(org, "FA26");
        if (fall.isEmpty()) {
            return;
        }
        int posted = 0;
        for (var section : scheduling.sections(org, fall.get().termId())) {
            var roster = rosters.roster(org, section.sectionId());
            var due = rosters.gradesDue(org, section);
            if (roster.isEmpty() || due.isEmpty() || roster.stream().anyMatch(l -> l.grade() != null)) {
                continue;
            }
            var grades = new LinkedHashMap<UUID, String>();
            for (int i = 0; i < roster.size(); i++) {
                var line = roster.get(i);
                grades.put(
                        line.enrollmentId(), line.name().equals("Leo Learner") ? "A" : GRADES.get(i % GRADES.size()));
            }
            posted += rosters.save(org, section.sectionId(), grades, true, due.get(), "Ines Instructor (demo)");
        }
        if (posted > 0) {
            log.info("Demo grades submitted for Fall 2026: {} grades", posted);
        }
    }
}
