package org.credo;

import java.util.UUID;
import org.credo.learners.LearnerStatus;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** A person of a test's own who signs in with a password and is a learner of one organization, with a record. */
@Component
public class LearnerAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final LearnerContacts records;

    LearnerAccounts(JdbcClient jdbc, PasswordEncoder encoder, LearnerContacts records) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.records = records;
    }

    /** Makes the person, their membership with the learner role and their learner record; returns the record's id. */
    public UUID create(
            UUID organizationId, String given, String family, String email, String password, @Nullable UUID programId) {
        var personId = UUID.randomUUID();
        jdbc.sql("INSERT INTO person (id, email, display_name, password_hash, created_at)"
                        + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(personId, email, given + " " + family, encoder.encode(password))
                .update();
        var membershipId = UUID.randomUUID();
        jdbc.sql("INSERT INTO membership (id, organization_id, person_id, active, created_at)"
                        + " VALUES (?, ?, ?, true, CURRENT_TIMESTAMP)")
                .params(membershipId, organizationId, personId)
                .update();
        jdbc.sql("INSERT INTO membership_role (membership_id, role) VALUES (?, 'LEARNER')")
                .param(membershipId)
                .update();
        return records.create(
                        organizationId,
                        new LearnerDetails(given, family, null, null, null, programId, null, false),
                        LearnerStatus.ACTIVE,
                        personId,
                        email)
                .id();
    }
}
