package org.credo.progress.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.InvalidRequirement;
import org.credo.catalog.requirement.RequirementJson;
import org.credo.learners.Learners;
import org.credo.platform.ProblemException;
import org.credo.progress.LearnerAudit;
import org.credo.progress.audit.Attempt;
import org.credo.progress.audit.AttemptStatus;
import org.credo.progress.audit.AuditResult;
import org.credo.progress.audit.DegreeAudit;
import org.credo.progress.audit.RepeatPolicy;
import org.credo.registration.Grades;
import org.credo.scheduling.Scheduling;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads what an audit needs (the learner, their program at its version, their record with terms in order) and
 * runs the degree audit; computes term and cumulative GPA on the organization's grade scale.
 */
@Service
public class Audits {

    private final Learners learners;
    private final Catalog catalog;
    private final Grades grades;
    private final Scheduling scheduling;

    Audits(Learners learners, Catalog catalog, Grades grades, Scheduling scheduling) {
        this.learners = learners;
        this.catalog = catalog;
        this.grades = grades;
        this.scheduling = scheduling;
    }

    /** What one audit is computed from, and its fingerprint (SHA-256 of the requirements and the record). */
    public record Inputs(
            Learners.LearnerSummary learner,
            Catalog.ProgramRecord program,
            List<Attempt> attempts,
            boolean whatIf,
            String fingerprint) {}

    public Optional<LearnerAudit> audit(
            UUID organizationId,
            UUID learnerId,
            @Nullable String whatIfProgram,
            List<String> plannedCourses,
            LocalDate today) {
        return inputs(organizationId, learnerId, whatIfProgram, plannedCourses, today)
                .map(inputs -> run(organizationId, inputs));
    }

    /** Reads what the learner's audit needs; empty when the learner or their program is not found. */
    public Optional<Inputs> inputs(
            UUID organizationId,
            UUID learnerId,
            @Nullable String whatIfProgram,
            List<String> plannedCourses,
            LocalDate today) {
        var learner = learners.find(organizationId, learnerId).orElse(null);
        if (learner == null) {
            return Optional.empty();
        }
        var program = program(organizationId, learner, whatIfProgram, today);
        if (program == null) {
            return Optional.empty();
        }
        var attempts = new ArrayList<>(attempts(organizationId, learnerId));
        int next = attempts.stream().mapToInt(Attempt::sequence).max().orElse(0) + 1;
        for (var text : plannedCourses) {
            if (text.isBlank()) {
                continue;
            }
            var code = CourseCode.parse(text)
                    .orElseThrow(() -> ProblemException.invalidField(
                            "planned", text.trim() + " is not a course code such as DATA 101"));
            var credits = catalog.course(organizationId, code.toString(), today)
                    .map(Catalog.CourseRecord::credits)
                    .orElseThrow(() -> ProblemException.invalidField("planned", code + " is not in the catalog"));
            attempts.add(new Attempt(code, null, credits, AttemptStatus.PLANNED, next, "Planned"));
        }
        boolean whatIf = whatIfProgram != null || !plannedCourses.stream().allMatch(String::isBlank);
        return Optional.of(new Inputs(learner, program, attempts, whatIf, fingerprint(program, attempts)));
    }

    /** Runs the audit on what was read. */
    public LearnerAudit run(UUID organizationId, Inputs inputs) {
        var program = inputs.program();
        AuditResult result = DegreeAudit.audit(rule(program), inputs.attempts(), RepeatPolicy.LAST);
        var gpa = Gpa.of(grades.scale(organizationId), inputs.attempts(), result);
        var learner = inputs.learner();
        return new LearnerAudit(
                learner.learnerId(),
                learner.learnerNumber(),
                learner.name(),
                program.code(),
                program.name(),
                program.version(),
                inputs.whatIf(),
                result,
                gpa.terms(),
                gpa.cumulative(),
                gpa.earned());
    }

    private static String fingerprint(Catalog.ProgramRecord program, List<Attempt> attempts) {
        var text = new StringBuilder(program.code())
                .append('|')
                .append(program.version())
                .append('|')
                .append(program.requirements())
                .append('|')
                .append(RepeatPolicy.LAST);
        attempts.stream()
                .map(a -> a.course() + "," + a.grade() + ","
                        + a.credits().stripTrailingZeros().toPlainString() + "," + a.status() + "," + a.sequence())
                .sorted()
                .forEach(line -> text.append('|').append(line));
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private org.credo.catalog.requirement.Requirement rule(Catalog.ProgramRecord program) {
        try {
            return RequirementJson.parse(program.requirements(), RequirementJson.Kind.PROGRAM);
        } catch (InvalidRequirement e) {
            throw ProblemException.conflict(
                    "Program requirements cannot be audited",
                    program.code() + " version " + program.version() + " has requirements that cannot be read: "
                            + e.getMessage());
        }
    }

    private Catalog.@Nullable ProgramRecord program(
            UUID organizationId, Learners.LearnerSummary learner, @Nullable String whatIf, LocalDate today) {
        if (whatIf != null && !whatIf.isBlank()) {
            return catalog.program(organizationId, whatIf.trim().toUpperCase(), today)
                    .orElseThrow(() -> ProblemException.invalidField("program", "No program " + whatIf.trim()));
        }
        if (learner.programId() == null) {
            return null;
        }
        var history = catalog.programHistory(organizationId, learner.programId());
        return history.stream()
                .filter(p -> learner.programVersion() != null && p.version() == learner.programVersion())
                .findFirst()
                .or(() -> catalog.program(organizationId, learner.programId(), today))
                .orElse(history.isEmpty() ? null : history.get(history.size() - 1));
    }

    /** The learner's record as audit attempts, each term numbered by when it starts. */
    public List<Attempt> attempts(UUID organizationId, UUID learnerId) {
        var terms = new HashMap<UUID, Scheduling.TermRecord>();
        var attempts = new ArrayList<Attempt>();
        for (var c : grades.record(organizationId, learnerId)) {
            var code = CourseCode.parse(c.courseCode());
            if (code.isEmpty()) {
                continue;
            }
            var term = terms.computeIfAbsent(
                    c.termId(), id -> scheduling.term(organizationId, id).orElse(null));
            int sequence = term == null ? 0 : (int) term.startsOn().toEpochDay();
            var grade = c.grade();
            var status = grade != null ? AttemptStatus.COMPLETED : AttemptStatus.IN_PROGRESS;
            attempts.add(
                    new Attempt(code.get(), grade, c.credits(), status, sequence, term == null ? "" : term.code()));
        }
        return attempts;
    }

    /** Term and cumulative GPA from the scale's points; repeats the audit excluded do not count cumulatively. */
    record Gpa(List<LearnerAudit.TermGpa> terms, @Nullable BigDecimal cumulative, BigDecimal earned) {

        static Gpa of(List<Grades.ScaleGrade> scale, List<Attempt> attempts, AuditResult result) {
            var points = new HashMap<String, Grades.ScaleGrade>();
            scale.forEach(g -> points.put(g.grade(), g));
            var excluded = new java.util.HashSet<String>();
            result.courses().stream()
                    .filter(c -> c.reason() == AuditResult.CourseReason.REPEAT_EXCLUDED)
                    .forEach(c -> excluded.add(c.course() + "|" + c.term()));
            var byTerm = new LinkedHashMap<String, BigDecimal[]>();
            var total = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            var ordered = attempts.stream()
                    .filter(a -> a.status() == AttemptStatus.COMPLETED)
                    .sorted(java.util.Comparator.comparingInt(Attempt::sequence))
                    .toList();
            for (var a : ordered) {
                var g = points.get(a.grade());
                var sums = byTerm.computeIfAbsent(
                        a.term(), t -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                boolean counts = !excluded.contains(a.course() + "|" + a.term());
                if (g != null && g.points() != null) {
                    add(sums, g.points().multiply(a.credits()), a.credits());
                    if (counts) {
                        add(total, g.points().multiply(a.credits()), a.credits());
                    }
                }
                if (g != null && g.earnsCredit() && counts) {
                    sums[2] = sums[2].add(a.credits());
                    total[2] = total[2].add(a.credits());
                }
            }
            var terms = new ArrayList<LearnerAudit.TermGpa>();
            byTerm.forEach((term, s) -> terms.add(new LearnerAudit.TermGpa(term, divide(s), s[1], s[2])));
            return new Gpa(terms, divide(total), total[2]);
        }

        private static void add(BigDecimal[] sums, BigDecimal qualityPoints, BigDecimal credits) {
            sums[0] = sums[0].add(qualityPoints);
            sums[1] = sums[1].add(credits);
        }

        private static @Nullable BigDecimal divide(BigDecimal[] sums) {
            return sums[1].signum() == 0 ? null : sums[0].divide(sums[1], 2, RoundingMode.HALF_UP);
        }
    }
}
