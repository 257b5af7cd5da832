package org.credo.admissions.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.ReadSubmitted;
import org.credo.admissions.ReaderAssigned;
import org.credo.admissions.ReaderRecused;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reader queues: applications assigned to readers (admissions officers), by hand or round-robin by load; a reader
 * scores the rubric and submits, or recuses. Scores of other readers stay hidden from a reader until their own read
 * is submitted (blind second reads); each submit updates the application's review summary.
 */
@Service
public class Reads {

    /** A reader with the number of reads still open in their queue. */
    public record Reader(UUID id, String name, long openReads) {}

    /** One read: who reads what, where it stands, and the weighted score once submitted. */
    public record Read(
            UUID id,
            UUID applicationId,
            String number,
            String applicantName,
            String programCode,
            String cycleName,
            UUID readerId,
            String readerName,
            String status,
            @Nullable BigDecimal weightedScore,
            @Nullable String comments,
            @Nullable String recusalReason,
            Instant assignedAt,
            @Nullable Instant finishedAt) {

        public boolean open() {
            return status.equals("ASSIGNED");
        }

        public boolean submitted() {
            return status.equals("SUBMITTED");
        }
    }

    /** The score a read gave one criterion. */
    public record Score(
            UUID criterionId,
            String criterion,
            BigDecimal weight,
            int score,
            @Nullable String comment) {}

    /** An application waiting for a reader. */
    public record Waiting(
            UUID id,
            String number,
            String applicantName,
            String programCode,
            String cycleName,
            @Nullable Instant submittedAt) {}

    private static final String READ_SELECT = """
            SELECT r.*, a.number, a.applicant_name, c.program_code, c.name AS cycle_name
            FROM application_read r JOIN application a ON a.id = r.application_id
            JOIN admission_cycle c ON c.id = a.cycle_id""";

    private final JdbcClient jdbc;
    private final AdmissionFiles files;
    private final Rubrics rubrics;
    private final ApplicationEventPublisher events;

    Reads(JdbcClient jdbc, AdmissionFiles files, Rubrics rubrics, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.files = files;
        this.rubrics = rubrics;
        this.events = events;
    }

    /** The organization's readers (active admissions officers), least loaded first. */
    @Transactional(readOnly = true)
    public List<Reader> readers(UUID organizationId) {
        return jdbc.sql("""
                        SELECT p.id, p.display_name,
                          (SELECT count(*) FROM application_read r WHERE r.organization_id = m.organization_id
                             AND r.reader_id = p.id AND r.status = 'ASSIGNED') AS open_reads
                        FROM membership m JOIN membership_role mr ON mr.membership_id = m.id
                        JOIN person p ON p.id = m.person_id
                        WHERE m.organization_id = ? AND m.active = true AND mr.role = 'ADMISSIONS_OFFICER'
                        ORDER BY open_reads, p.display_name, p.id""")
                .param(organizationId)
                .query((rs, n) -> new Reader(
                        rs.getObject("id", UUID.class), rs.getString("display_name"), rs.getLong("open_reads")))
                .list();
    }

    /** Submitted applications waiting for a reader, oldest first (at most 200), optionally of one program. */
    @Transactional(readOnly = true)
    public List<Waiting> waiting(UUID organizationId, @Nullable UUID programId) {
        var sql = "SELECT a.id, a.number, a.applicant_name, c.program_code, c.name AS cycle_name, a.submitted_at"
                + " FROM application a JOIN admission_cycle c ON c.id = a.cycle_id WHERE a.organization_id = ?"
                + " AND a.status = 'SUBMITTED'" + (programId == null ? "" : " AND c.program_id = ?")
                + " ORDER BY a.submitted_at, a.number LIMIT 200";
        var params = new ArrayList<Object>(List.of(organizationId));
        if (programId != null) {
            params.add(programId);
        }
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new Waiting(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getString("applicant_name"),
                        rs.getString("program_code"),
                        rs.getString("cycle_name"),
                        instant(rs, "submitted_at")))
                .list();
    }

    /** Counts the submitted applications waiting for a reader. */
    @Transactional(readOnly = true)
    public long waitingCount(UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM application WHERE organization_id = ? AND status = 'SUBMITTED'")
                .param(organizationId)
                .query(Long.class)
                .single();
    }

    /**
     * Gives an application to a reader; the application moves to IN_REVIEW. A second reader may be added to an
     * application in review; a reader who already read or recused from it cannot be given it again.
     */
    @Transactional
    public Read assign(UUID organizationId, UUID applicationId, UUID readerId) {
        var file = files.lock(organizationId, applicationId);
        if (file.status() != ApplicationStatus.SUBMITTED && file.status() != ApplicationStatus.IN_REVIEW) {
            throw ProblemException.conflict(
                    "Not reviewable",
                    "Application " + file.number() + " is "
                            + file.status().label().toLowerCase(java.util.Locale.ROOT)
                            + "; only submitted applications and applications in review are given to readers.");
        }
        var reader = readers(organizationId).stream()
                .filter(r -> r.id().equals(readerId))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(
                        "readerId", "choose a reader who is an active admissions officer of the organization."));
        long already = jdbc.sql("SELECT count(*) FROM application_read WHERE application_id = ? AND reader_id = ?")
                .params(applicationId, readerId)
                .query(Long.class)
                .single();
        if (already > 0) {
            throw ProblemException.conflict(
                    "Already assigned",
                    reader.name() + " already has (or recused from) application " + file.number()
                            + "; choose another reader.");
        }
        var stamp = ChangeStamp.now(organizationId);
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO application_read (id, organization_id, application_id, reader_id, reader_name, status,"
                        + " assigned_by_name, assigned_at) VALUES (?, ?, ?, ?, ?, 'ASSIGNED', ?, ?)")
                .params(
                        id,
                        organizationId,
                        applicationId,
                        readerId,
                        reader.name(),
                        stamp.actorName(),
                        Timestamps.sql(stamp.occurredAt()))
                .update();
        if (file.status() == ApplicationStatus.SUBMITTED) {
            files.setStatus(organizationId, applicationId, ApplicationStatus.IN_REVIEW);
        }
        summarize(file);
        files.event(
                organizationId, applicationId, "READER_ASSIGNED", reader.name(), stamp.actorId(), stamp.actorName());
        events.publishEvent(
                new ReaderAssigned(stamp, applicationId, file.number(), file.applicantName(), readerId, reader.name()));
        return find(organizationId, id);
    }

    /**
     * Gives every submitted application waiting for a reader (of a program, or all) to the reader with the fewest
     * open reads at that moment, so loads even out. Returns how many were assigned.
     */
    @Transactional
    public int assignRoundRobin(UUID organizationId, @Nullable UUID programId) {
        var readers = new ArrayList<>(readers(organizationId));
        if (readers.isEmpty()) {
            throw ProblemException.conflict(
                    "No readers", "The organization has no active admissions officer to read applications.");
        }
        var loads = new java.util.HashMap<UUID, Long>();
        readers.forEach(r -> loads.put(r.id(), r.openReads()));
        int assigned = 0;
        for (var w : waiting(organizationId, programId)) {
            readers.sort(
                    Comparator.comparingLong((Reader r) -> loads.get(r.id())).thenComparing(Reader::name));
            var reader = readers.get(0);
            assign(organizationId, w.id(), reader.id());
            loads.merge(reader.id(), 1L, Long::sum);
            assigned++;
        }
        return assigned;
    }

    /** A reader's reads, open first then the latest finished (at most 200). */
    @Transactional(readOnly = true)
    public List<Read> queue(UUID organizationId, UUID readerId) {
        return jdbc.sql(READ_SELECT + " WHERE r.organization_id = ? AND r.reader_id = ?"
                        + " ORDER BY CASE WHEN r.status = 'ASSIGNED' THEN 0 ELSE 1 END, r.assigned_at, r.id LIMIT 200")
                .params(organizationId, readerId)
                .query(Reads::read)
                .list();
    }

    /** A read of the organization, by id. */
    @Transactional(readOnly = true)
    public Read find(UUID organizationId, UUID readId) {
        return jdbc.sql(READ_SELECT + " WHERE r.id = ? AND r.organization_id = ?")
                .params(readId, organizationId)
                .query(Reads::read)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That read"));
    }

    /** A read of the caller's own queue; another reader's read is not found, so queues stay private. */
    @Transactional(readOnly = true)
    public Read mine(CredoUser reader, UUID readId) {
        var read = find(reader.organizationId(), readId);
        if (!read.readerId().equals(reader.personId())) {
            throw ProblemException.notFound("That read");
        }
        return read;
    }

    /** Every read of an application. */
    @Transactional(readOnly = true)
    public List<Read> ofApplication(UUID organizationId, UUID applicationId) {
        return jdbc.sql(READ_SELECT + " WHERE r.application_id = ? AND r.organization_id = ? ORDER BY r.assigned_at")
                .params(applicationId, organizationId)
                .query(Reads::read)
                .list();
    }

    /**
     * The reads of the same application that the caller may see: none until the caller's own read is submitted
     * (blind second reads), then all others.
     */
    @Transactional(readOnly = true)
    public List<Read> othersVisibleTo(CredoUser reader, Read own) {
        if (!own.submitted()) {
            return List.of();
        }
        return ofApplication(reader.organizationId(), own.applicationId()).stream()
                .filter(r -> !r.id().equals(own.id()))
                .toList();
    }

    /** The scores of a read, in rubric order. */
    @Transactional(readOnly = true)
    public List<Score> scores(UUID organizationId, UUID readId) {
        return jdbc.sql("SELECT s.criterion_id, c.name, c.weight, s.score, s.comment FROM read_score s"
                        + " JOIN rubric_criterion c ON c.id = s.criterion_id WHERE s.read_id = ? AND c.organization_id = ?"
                        + " ORDER BY c.position")
                .params(readId, organizationId)
                .query((rs, n) -> new Score(
                        rs.getObject("criterion_id", UUID.class),
                        rs.getString("name"),
                        rs.getBigDecimal("weight"),
                        rs.getInt("score"),
                        rs.getString("comment")))
                .list();
    }

    /**
     * Submits the caller's read: a score from 1 to the scale's maximum for every criterion of the cycle's rubric,
     * with optional comments. The weighted score is the weighted mean of the scores; the application's score becomes
     * the mean of its submitted reads.
     */
    @Transactional
    public Read submit(
            CredoUser reader,
            UUID readId,
            Map<UUID, Integer> scores,
            Map<UUID, String> criterionComments,
            @Nullable String comments) {
        var org = reader.organizationId();
        var read = mine(reader, readId);
        var file = files.lock(org, read.applicationId());
        read = find(org, readId);
        if (!read.open()) {
            throw ProblemException.conflict(
                    "Read finished", "This read was already " + read.status().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        var criteria = rubrics.orDefault(org, file.cycleId());
        int max = file.scaleMax();
        var weighted = BigDecimal.ZERO;
        var weights = BigDecimal.ZERO;
        for (var c : criteria) {
            var score = scores.get(c.id());
            if (score == null) {
                throw ProblemException.invalidField(
                        "score-" + c.id(), "score '" + c.name() + "' from 1 to " + max + ".");
            }
            if (score < 1 || score > max) {
                throw ProblemException.invalidField(
                        "score-" + c.id(), "score '" + c.name() + "' from 1 to " + max + ", not " + score + ".");
            }
            weighted = weighted.add(c.weight().multiply(BigDecimal.valueOf(score)));
            weights = weights.add(c.weight());
        }
        if (comments != null && comments.length() > 4000) {
            throw ProblemException.invalidField("comments", "keep the comments under 4,000 characters.");
        }
        var result = weighted.divide(weights, 3, RoundingMode.HALF_UP);
        for (var c : criteria) {
            var comment = criterionComments.get(c.id());
            jdbc.sql("INSERT INTO read_score (read_id, criterion_id, score, comment) VALUES (?, ?, ?, ?)")
                    .params(
                            readId,
                            c.id(),
                            scores.get(c.id()),
                            comment == null || comment.isBlank() ? null : truncate(comment.trim(), 2000))
                    .update();
        }
        var stamp = ChangeStamp.now(org);
        jdbc.sql("UPDATE application_read SET status = 'SUBMITTED', weighted_score = ?, comments = ?, finished_at = ?"
                        + " WHERE id = ? AND organization_id = ?")
                .params(
                        result,
                        comments == null || comments.isBlank() ? null : comments.trim(),
                        Timestamps.sql(stamp.occurredAt()),
                        readId,
                        org)
                .update();
        summarize(file);
        files.event(
                org,
                file.id(),
                "READ_SUBMITTED",
                reader.displayName() + ": " + result,
                stamp.actorId(),
                stamp.actorName());
        events.publishEvent(new ReadSubmitted(
                stamp,
                file.id(),
                file.number(),
                file.applicantName(),
                reader.personId(),
                reader.displayName(),
                result));
        return find(org, readId);
    }

    /**
     * The caller steps back from a read for a conflict of interest; the application goes back to the applications
     * waiting for a reader when nobody else reads it.
     */
    @Transactional
    public Read recuse(CredoUser reader, UUID readId, @Nullable String reason) {
        var org = reader.organizationId();
        var read = mine(reader, readId);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why you recuse (for example, you know the applicant).");
        }
        if (reason.length() > 1000) {
            throw ProblemException.invalidField("reason", "keep the reason under 1,000 characters.");
        }
        var file = files.lock(org, read.applicationId());
        read = find(org, readId);
        if (!read.open()) {
            throw ProblemException.conflict(
                    "Read finished", "This read was already " + read.status().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        var stamp = ChangeStamp.now(org);
        jdbc.sql("UPDATE application_read SET status = 'RECUSED', recusal_reason = ?, finished_at = ? WHERE id = ?")
                .params(reason.trim(), Timestamps.sql(stamp.occurredAt()), readId)
                .update();
        long others = jdbc.sql("SELECT count(*) FROM application_read WHERE application_id = ? AND status <> 'RECUSED'")
                .param(file.id())
                .query(Long.class)
                .single();
        if (others == 0 && file.status() == ApplicationStatus.IN_REVIEW) {
            files.setStatus(org, file.id(), ApplicationStatus.SUBMITTED);
        }
        summarize(file);
        files.event(
                org,
                file.id(),
                "READER_RECUSED",
                reader.displayName() + ": " + reason.trim(),
                stamp.actorId(),
                stamp.actorName());
        events.publishEvent(new ReaderRecused(
                stamp,
                file.id(),
                file.number(),
                file.applicantName(),
                reader.personId(),
                reader.displayName(),
                reason.trim()));
        return find(org, readId);
    }

    /**
     * Closes the reads still open on an application that left review (it was withdrawn): they leave their readers'
     * queues and loads, and the history says why. Returns how many were closed.
     */
    @Transactional
    public int closeOpenReads(UUID organizationId, UUID applicationId, String why) {
        var file = files.find(organizationId, applicationId);
        int closed = jdbc.sql("UPDATE application_read SET status = 'CLOSED', finished_at = ? WHERE application_id = ?"
                        + " AND organization_id = ? AND status = 'ASSIGNED'")
                .params(Timestamps.sql(Timestamps.now()), applicationId, organizationId)
                .update();
        if (closed > 0) {
            summarize(file);
            var stamp = ChangeStamp.now(organizationId);
            files.event(
                    organizationId,
                    applicationId,
                    "READS_CLOSED",
                    closed + (closed == 1 ? " open read closed: " : " open reads closed: ") + why,
                    stamp.actorId(),
                    stamp.actorName());
        }
        return closed;
    }

    /** Recomputes the application's review summary from its reads. */
    void summarize(AdmissionFile file) {
        var now = Timestamps.sql(Timestamps.now());
        int updated = jdbc.sql("""
                        UPDATE review_summary SET
                          score = (SELECT avg(weighted_score) FROM application_read
                                   WHERE application_id = ? AND status = 'SUBMITTED'),
                          reads_submitted = (SELECT count(*) FROM application_read
                                   WHERE application_id = ? AND status = 'SUBMITTED'),
                          readers_active = (SELECT count(*) FROM application_read
                                   WHERE application_id = ? AND status NOT IN ('RECUSED', 'CLOSED')),
                          status = (SELECT status FROM application WHERE id = ?),
                          updated_at = ?
                        WHERE application_id = ?""")
                .params(file.id(), file.id(), file.id(), file.id(), now, file.id())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO review_summary (application_id, organization_id, cycle_id, program_id, status, score,"
                            + " reads_submitted, readers_active, updated_at) VALUES (?, ?, ?, ?, ?, NULL, 0, 0, ?)")
                    .params(
                            file.id(),
                            file.organizationId(),
                            file.cycleId(),
                            file.programId(),
                            file.status().name(),
                            now)
                    .update();
            summarize(file);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Read read(ResultSet rs, int row) throws SQLException {
        return new Read(
                rs.getObject("id", UUID.class),
                rs.getObject("application_id", UUID.class),
                rs.getString("number"),
                rs.getString("applicant_name"),
                rs.getString("program_code"),
                rs.getString("cycle_name"),
                rs.getObject("reader_id", UUID.class),
                rs.getString("reader_name"),
                rs.getString("status"),
                rs.getBigDecimal("weighted_score"),
                rs.getString("comments"),
                rs.getString("recusal_reason"),
                instant(rs, "assigned_at"),
                instant(rs, "finished_at"));
    }
}
