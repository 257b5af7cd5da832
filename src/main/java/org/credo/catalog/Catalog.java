package org.credo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.catalog.course.CourseVersion;
import org.credo.catalog.course.Courses;
import org.credo.catalog.intake.Inquiries;
import org.credo.catalog.program.ProgramVersion;
import org.credo.catalog.program.Programs;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.RequirementJson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The catalog facade for other modules: the version of a course or program in force on a day, by id
 * or code, and the history of each. Rules are in the JSON shape documented in V9__catalog.sql.
 */
@Service
public class Catalog {

    /** One published version of a course. */
    public record CourseRecord(
            UUID courseId,
            String code,
            int version,
            LocalDate effectiveFrom,
            String title,
            BigDecimal credits,
            String description,
            List<String> outcomes,
            @Nullable String prerequisites,
            @Nullable String corequisites,
            boolean retired) {}

    /** One published version of a program. */
    public record ProgramRecord(
            UUID programId,
            String code,
            int version,
            LocalDate effectiveFrom,
            String name,
            String type,
            String level,
            BigDecimal credits,
            @Nullable String cipCode,
            String requirements,
            @Nullable UUID achievementLineageId,
            boolean retired) {}

    /** An inquiry from the public catalog, with who sent it: what learners needs to attach it to a person. */
    public record InquiryRecord(
            UUID inquiryId,
            UUID programId,
            String programCode,
            String kind,
            String name,
            String email,
            @Nullable String phone,
            @Nullable String message,
            java.time.Instant receivedAt) {}

    /** A start of a program (an intake), with the program's code and current name. */
    public record IntakeRecord(
            UUID intakeId,
            UUID programId,
            String programCode,
            String programName,
            String termName,
            LocalDate startsOn,
            @Nullable LocalDate applicationDeadline,
            @Nullable UUID termId) {}

    /**
     * A course a learner has taken, as a prerequisite sees it: completed with a grade, or in progress (grade null),
     * which counts provisionally, as it does in most registrars' systems, until its grade is posted.
     */
    public record TakenCourse(String code, @Nullable String grade, BigDecimal credits) {}

    /** Whether a course's prerequisites or corequisites are met, and the rule's outcome in words. */
    public record RuleOutcome(boolean met, String summary) {}

    private final Courses courses;
    private final Programs programs;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.credo.catalog.intake.Intakes intakes;
    private final Inquiries inquiries;

    Catalog(
            Courses courses,
            Programs programs,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            org.credo.catalog.intake.Intakes intakes,
            Inquiries inquiries) {
        this.courses = courses;
        this.programs = programs;
        this.jdbc = jdbc;
        this.intakes = intakes;
        this.inquiries = inquiries;
    }

    /** Adds a start of a program (as the catalog editor does on the intakes page); returns its id. */
    public UUID scheduleIntake(
            UUID organizationId, UUID programId, String termName, LocalDate startsOn, @Nullable LocalDate deadline) {
        return intakes.schedule(organizationId, programId, termName, startsOn, deadline);
    }

    /** Adds a start of a program in a scheduled term (its name and first day taken from the term); returns its id. */
    public UUID scheduleIntake(UUID organizationId, UUID programId, UUID termId, @Nullable LocalDate deadline) {
        return intakes.schedule(organizationId, programId, termId, null, null, deadline);
    }

    /** A scheduled term changed: the starts in it follow its name, and its dates where they fell outside them. */
    public void termChanged(UUID organizationId, UUID termId, String name, LocalDate startsOn, LocalDate endsOn) {
        intakes.termChanged(organizationId, termId, name, startsOn, endsOn);
    }

    /** Every start of the organization's programs, soonest first, past ones included. */
    public List<IntakeRecord> intakes(UUID organizationId) {
        return jdbc.sql(
                        "SELECT i.id, i.program_id, p.code, i.term_name, i.starts_on, i.application_deadline, i.term_id,"
                                + " (SELECT v.name FROM catalog_program_version v WHERE v.program_id = p.id"
                                + " ORDER BY v.version DESC LIMIT 1) AS name"
                                + " FROM catalog_program_intake i JOIN catalog_program p ON p.id = i.program_id"
                                + " WHERE i.organization_id = ? ORDER BY i.starts_on, p.code")
                .param(organizationId)
                .query((rs, n) -> new IntakeRecord(
                        rs.getObject("id", UUID.class),
                        rs.getObject("program_id", UUID.class),
                        rs.getString("code"),
                        rs.getString("name") == null ? rs.getString("code") : rs.getString("name"),
                        rs.getString("term_name"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("application_deadline", LocalDate.class),
                        rs.getObject("term_id", UUID.class)))
                .list();
    }

    /** An inquiry of the organization, by id (as {@link InquiryReceived} names it). */
    public Optional<InquiryRecord> inquiry(UUID organizationId, UUID inquiryId) {
        return inquiries.find(organizationId, inquiryId).map(Catalog::record);
    }

    /** The inquiries an organization received from any of these addresses (compared without case), newest first. */
    public List<InquiryRecord> inquiriesBy(UUID organizationId, java.util.Collection<String> emails) {
        return inquiries.byEmails(organizationId, emails).stream()
                .map(Catalog::record)
                .toList();
    }

    /**
     * How many inquiries about a program an organization received in a window, {@code from} (inclusive, or from the
     * start when null) to {@code until} (exclusive).
     */
    public long inquiryCount(
            UUID organizationId, UUID programId, java.time.@Nullable Instant from, java.time.Instant until) {
        return inquiries.count(organizationId, programId, from, until);
    }

    /** The version of a course in force on a day (possibly a retired one), by code such as 'CS 101'. */
    public Optional<CourseRecord> course(UUID organizationId, String code, LocalDate day) {
        return CourseCode.parse(code)
                .flatMap(c -> courses.latest(organizationId, c))
                .flatMap(v -> courses.onDate(organizationId, v.courseId(), day))
                .map(Catalog::record);
    }

    /** The version of a course in force on a day, by id. */
    public Optional<CourseRecord> course(UUID organizationId, UUID courseId, LocalDate day) {
        return courses.onDate(organizationId, courseId, day).map(Catalog::record);
    }

    /** Every version of a course, oldest first. */
    public List<CourseRecord> courseHistory(UUID organizationId, UUID courseId) {
        return courses.history(organizationId, courseId).stream()
                .map(Catalog::record)
                .toList();
    }

    /** The version of a program in force on a day (possibly a retired one), by code. */
    public Optional<ProgramRecord> program(UUID organizationId, String code, LocalDate day) {
        return programs.latest(organizationId, code)
                .flatMap(v -> programs.onDate(organizationId, v.programId(), day))
                .map(Catalog::record);
    }

    /** The version of a program in force on a day, by id. */
    public Optional<ProgramRecord> program(UUID organizationId, UUID programId, LocalDate day) {
        return programs.onDate(organizationId, programId, day).map(Catalog::record);
    }

    /** The programs of an organization in force on a day (not retired), by code: what a learner may study. */
    public List<ProgramRecord> programs(UUID organizationId, LocalDate day) {
        return programs.allLatest(organizationId).stream()
                .flatMap(v -> programs.onDate(organizationId, v.programId(), day).stream())
                .filter(v -> !v.retired())
                .map(Catalog::record)
                .sorted(java.util.Comparator.comparing(ProgramRecord::code))
                .toList();
    }

    /** Every version of a program, oldest first. */
    public List<ProgramRecord> programHistory(UUID organizationId, UUID programId) {
        return programs.history(organizationId, programId).stream()
                .map(Catalog::record)
                .toList();
    }

    private static InquiryRecord record(Inquiries.Received i) {
        return new InquiryRecord(
                i.id(),
                i.programId(),
                i.programCode(),
                i.kind(),
                i.name(),
                i.email(),
                i.phone(),
                i.message(),
                i.receivedAt());
    }

    private static CourseRecord record(CourseVersion v) {
        var c = v.content();
        return new CourseRecord(
                v.courseId(),
                c.code().toString(),
                v.version(),
                v.effectiveFrom(),
                c.title(),
                c.credits(),
                c.description(),
                c.outcomes(),
                c.prerequisites() == null ? null : RequirementJson.write(c.prerequisites()),
                c.corequisites() == null ? null : RequirementJson.write(c.corequisites()),
                v.retired());
    }

    private static ProgramRecord record(ProgramVersion v) {
        var p = v.content();
        return new ProgramRecord(
                v.programId(),
                p.code(),
                v.version(),
                v.effectiveFrom(),
                p.name(),
                p.type().name(),
                p.level(),
                p.credits(),
                p.cipCode(),
                RequirementJson.write(p.requirements()),
                p.achievementLineageId(),
                v.retired());
    }

    /**
     * Whether the learner's taken courses meet a course version's prerequisites (or its corequisites): met when the
     * course has none. In-progress courses count as completed with any grade a minimum asks for.
     */
    public RuleOutcome requisitesMet(CourseRecord course, List<TakenCourse> taken, boolean corequisites) {
        var text = corequisites ? course.corequisites() : course.prerequisites();
        if (text == null || text.isBlank()) {
            return new RuleOutcome(true, "none");
        }
        var rule = RequirementJson.parse(text, RequirementJson.Kind.PREREQUISITE);
        var completed = taken.stream()
                .flatMap(t -> CourseCode.parse(t.code()).stream()
                        .map(code -> new org.credo.catalog.requirement.Evaluation.CompletedCourse(
                                code, t.grade() == null ? "A+" : t.grade(), t.credits())))
                .toList();
        var result = org.credo.catalog.requirement.Evaluation.evaluate(rule, completed);
        return new RuleOutcome(result.met(), words(rule, true));
    }

    /** A prerequisite rule as a registrar would say it: "MATH 101 with C or better and (STAT 110 or STAT 120)". */
    private static String words(org.credo.catalog.requirement.Requirement rule, boolean top) {
        if (rule instanceof org.credo.catalog.requirement.Requirement.Course c) {
            return c.course() + (c.minGrade() == null ? "" : " with " + c.minGrade() + " or better");
        }
        List<org.credo.catalog.requirement.Requirement> items;
        String joiner;
        if (rule instanceof org.credo.catalog.requirement.Requirement.AllOf all) {
            items = all.items();
            joiner = " and ";
        } else if (rule instanceof org.credo.catalog.requirement.Requirement.AnyOf any) {
            items = any.items();
            joiner = " or ";
        } else {
            return rule.toString();
        }
        var text = String.join(joiner, items.stream().map(i -> words(i, false)).toList());
        return top || items.size() < 2 ? text : "(" + text + ")";
    }
}
