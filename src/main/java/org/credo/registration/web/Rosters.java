package org.credo.registration.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.learners.Learners;
import org.credo.platform.CsvWriter;
import org.credo.platform.PageQuery;
import org.credo.registration.enrollment.Enrollment;
import org.credo.registration.enrollment.EnrollmentStatus;
import org.credo.registration.enrollment.Enrollments;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A section's roster: the learners enrolled, with their numbers, as a list and as a CSV file. */
@Component
class Rosters {

    /** One learner on a roster. */
    record Line(String learnerNumber, String name, String pronouns, Enrollment enrollment) {}

    private final Enrollments enrollments;
    private final Learners learners;

    Rosters(Enrollments enrollments, Learners learners) {
        this.enrollments = enrollments;
        this.learners = learners;
    }

    /** Everyone enrolled in the section now, in the order they registered. */
    List<Line> enrolled(UUID organizationId, UUID sectionId) {
        var lines = new ArrayList<Line>();
        int page = 0;
        while (true) {
            var rows = enrollments.ofSection(
                    organizationId,
                    sectionId,
                    EnrollmentStatus.ENROLLED,
                    PageQuery.of(page, PageQuery.MAX_SIZE, "registered", Enrollments.SORTABLE, true));
            for (var e : rows.items()) {
                var l = learners.find(organizationId, e.learnerId());
                lines.add(new Line(
                        l.map(Learners.LearnerSummary::learnerNumber).orElse(""),
                        l.map(Learners.LearnerSummary::name).orElse(""),
                        "",
                        e));
            }
            if (!rows.hasNext()) {
                return lines;
            }
            page++;
        }
    }

    /** The roster as a formula-safe CSV download. */
    ResponseEntity<String> csv(UUID organizationId, SectionRecord section) {
        var csv = new StringBuilder("learner_number,name,status,credits,registered_at\n");
        for (var line : enrolled(organizationId, section.sectionId())) {
            var e = line.enrollment();
            csv.append(CsvWriter.cell(line.learnerNumber()))
                    .append(',')
                    .append(CsvWriter.cell(line.name()))
                    .append(',')
                    .append(e.status().name())
                    .append(',')
                    .append(e.credits().stripTrailingZeros().toPlainString())
                    .append(',')
                    .append(e.registeredAt())
                    .append('\n');
        }
        var name = (section.courseCode() + "-" + section.sectionNumber() + "-" + section.termCode())
                .replaceAll("[^A-Za-z0-9-]", "");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-" + name + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.toString());
    }
}
