package org.credo.platform;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A new person with a password, a learner in the organizations given by slug; returns their email. */
final class TestPeople {

    private TestPeople() {}

    static String learner(JdbcClient jdbc, PasswordEncoder encoder, String password, String... organizations) {
        var email = "p-" + UUID.randomUUID() + "@example.test";
        var personId = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO person (id, email, display_name, password_hash, created_at) VALUES (?, ?, 'Pat Person', ?, CURRENT_TIMESTAMP)")
                .params(personId, email, encoder.encode(password))
                .update();
        for (var slug : organizations) {
            var organizationId = jdbc.sql("SELECT id FROM organization WHERE slug = ?")
                    .param(slug)
                    .query(UUID.class)
                    .single();
            var membershipId = UUID.randomUUID();
            jdbc.sql(
                            "INSERT INTO membership (id, organization_id, person_id, active, created_at) VALUES (?, ?, ?, true, CURRENT_TIMESTAMP)")
                    .params(membershipId, organizationId, personId)
                    .update();
            jdbc.sql("INSERT INTO membership_role (membership_id, role) VALUES (?, 'LEARNER')")
                    .param(membershipId)
                    .update();
        }
        return email;
    }
}
