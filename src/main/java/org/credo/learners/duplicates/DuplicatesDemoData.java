package org.credo.learners.duplicates;

import java.time.LocalDate;
import org.credo.learners.LearnerStatus;
import org.credo.learners.record.Contact;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.credo.platform.Organizations;
import org.credo.platform.config.CredoProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, gives Northfield three prospects that are likely second records of learners it has (one per rule),
 * so that the registrar and the admissions officer find work on the possible-duplicates list.
 */
@Component
@Order(31)
class DuplicatesDemoData implements ApplicationRunner {

    private final CredoProperties properties;
    private final Organizations organizations;
    private final LearnerContacts contacts;
    private final JdbcClient jdbc;

    DuplicatesDemoData(
            CredoProperties properties, Organizations organizations, LearnerContacts contacts, JdbcClient jdbc) {
        this.properties = properties;
        this.organizations = organizations;
        this.contacts = contacts;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var northfield = organizations.findBySlug("northfield");
        if (!properties.demo() || northfield.isEmpty()) {
            return;
        }
        var org = northfield.get().id();
        long seeded = jdbc.sql(
                        "SELECT count(*) FROM learner WHERE organization_id = ? AND legal_family_name = 'Márquez'")
                .param(org)
                .query(Long.class)
                .single();
        long learners = jdbc.sql("SELECT count(*) FROM learner WHERE organization_id = ?")
                .param(org)
                .query(Long.class)
                .single();
        if (seeded > 0 || learners == 0) {
            return;
        }
        // Tom Kowalski wrote in again from the same address, typed in capitals, under his full given name.
        contacts.create(
                org, prospect("Tomasz", "Kowalski", null), LearnerStatus.PROSPECT, null, "Tomasz.K@Example.org");
        // Sofia Marquez, entered again with the accents of her name and another address.
        contacts.create(
                org,
                prospect("Sofía", "Márquez", LocalDate.of(2000, 6, 1)),
                LearnerStatus.PROSPECT,
                null,
                "smarquez@example.net");
        // Leo Learner's name misspelt on a phone inquiry, with his mobile number written another way.
        var leo = contacts.create(org, prospect("Leo", "Lerner", null), LearnerStatus.PROSPECT, null, null);
        contacts.add(org, leo.id(), Contact.Kind.PHONE, "MOBILE", "(312) 555-0142", LocalDate.now(), null);
    }

    private static LearnerDetails prospect(
            String given, String family, @org.jspecify.annotations.Nullable LocalDate born) {
        return new LearnerDetails(given, family, null, born, null, null, null, false);
    }
}
