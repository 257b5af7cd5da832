package org.credo.admissions.crm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.credo.admissions.PersonNoteAdded;
import org.credo.learners.Learners;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admissions staff notes on a person (a learner record): added, never edited. */
@Service
public class Notes {

    /** A note as the timeline shows it. */
    public record Note(
            UUID id, UUID learnerId, String body, @Nullable UUID authorId, String authorName, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Learners learners;
    private final ApplicationEventPublisher events;

    Notes(JdbcClient jdbc, Learners learners, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.learners = learners;
        this.events = events;
    }

    /** Adds a note to a learner of the caller's organization. */
    @Transactional
    public Note add(CredoUser by, UUID learnerId, String body) {
        var org = by.organizationId();
        var learner = learners.find(org, learnerId).orElseThrow(() -> ProblemException.notFound("That person"));
        var text = body.strip();
        if (text.isEmpty() || text.length() > 4000) {
            throw ProblemException.invalidField("body", "write a note of 1 to 4,000 characters.");
        }
        var note = new Note(UUID.randomUUID(), learnerId, text, by.personId(), by.displayName(), Timestamps.now());
        jdbc.sql("""
                INSERT INTO admission_note (id, organization_id, learner_id, body, author_id, author_name, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        note.id(),
                        org,
                        learnerId,
                        text,
                        by.personId(),
                        by.displayName(),
                        Timestamps.sql(note.createdAt()))
                .update();
        events.publishEvent(new PersonNoteAdded(
                ChangeStamp.now(org),
                note.id(),
                learnerId,
                learner.name() + " · " + learner.learnerNumber(),
                text.length()));
        return note;
    }

    /** The notes on a learner, newest first. */
    @Transactional(readOnly = true)
    public List<Note> of(UUID organizationId, UUID learnerId) {
        return jdbc.sql("SELECT * FROM admission_note WHERE organization_id = ? AND learner_id = ?"
                        + " ORDER BY created_at DESC, id")
                .params(organizationId, learnerId)
                .query((rs, n) -> new Note(
                        rs.getObject("id", UUID.class),
                        rs.getObject("learner_id", UUID.class),
                        rs.getString("body"),
                        rs.getObject("author_id", UUID.class),
                        rs.getString("author_name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
