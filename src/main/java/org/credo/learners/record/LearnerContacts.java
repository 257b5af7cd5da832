package org.credo.learners.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The emails, phones and addresses of a learner, and their identifiers at other institutions and nationally. */
@Service
public class LearnerContacts {

    private final JdbcClient jdbc;
    private final LearnerRecords records;
    private final LearnerNumbers numbers;
    private final NationalIds nationalIds;

    LearnerContacts(JdbcClient jdbc, LearnerRecords records, LearnerNumbers numbers, NationalIds nationalIds) {
        this.jdbc = jdbc;
        this.records = records;
        this.numbers = numbers;
        this.nationalIds = nationalIds;
    }

    /** Creates a record with its first email address, both or neither. */
    @Transactional
    public Learner create(
            UUID organizationId,
            LearnerDetails details,
            org.credo.learners.LearnerStatus status,
            @Nullable UUID personId,
            @Nullable String email) {
        var learner = records.create(organizationId, details, status, personId);
        if (email != null && !email.isBlank()) {
            add(organizationId, learner.id(), Contact.Kind.EMAIL, "PERSONAL", email, LocalDate.now(), null);
        }
        return learner;
    }

    /** Every contact of a learner, emails first. */
    @Transactional(readOnly = true)
    public List<Contact> contacts(UUID organizationId, UUID learnerId) {
        records.find(organizationId, learnerId);
        return jdbc.sql("SELECT * FROM learner_contact WHERE learner_id = ? AND organization_id = ?"
                        + " ORDER BY CASE kind WHEN 'EMAIL' THEN 0 WHEN 'PHONE' THEN 1 ELSE 2 END, created_at, id")
                .params(learnerId, organizationId)
                .query((rs, n) -> new Contact(
                        rs.getObject("id", UUID.class),
                        Contact.Kind.valueOf(rs.getString("kind")),
                        rs.getString("contact_type"),
                        rs.getString("contact_value"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    /** Adds a contact, checked for its kind. */
    @Transactional
    public Contact add(
            UUID organizationId,
            UUID learnerId,
            Contact.Kind kind,
            String type,
            String value,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo) {
        var learner = records.find(organizationId, learnerId);
        var v = value == null ? "" : value.trim();
        var t = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
        // Every bad field is reported at once, so the form marks them all.
        var errors = new ArrayList<Map<String, String>>();
        if (!Contact.TYPES.contains(t)) {
            errors.add(error("type", "choose one of " + String.join(", ", Contact.TYPES) + "."));
        }
        switch (kind) {
            case EMAIL -> {
                if (!v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || v.length() > 254) {
                    errors.add(error("value", "give an email address such as ada@example.org."));
                }
            }
            case PHONE -> {
                if (!v.matches("\\+?[0-9 ()./-]{5,30}")) {
                    errors.add(error("value", "give a phone number of digits, e.g. +1 312 555 0100."));
                }
            }
            case ADDRESS -> {
                if (v.length() < 5 || v.length() > 500) {
                    errors.add(error("value", "give the full address (5 to 500 characters)."));
                }
            }
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            errors.add(error("validTo", "the end of validity must be on or after its start."));
        }
        if (!errors.isEmpty()) {
            var first = errors.get(0);
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    first.get("field") + ": " + first.get("message"),
                    Map.of("errors", List.copyOf(errors)));
        }
        var id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO learner_contact (id, learner_id, organization_id, kind, contact_type, contact_value, valid_from,"
                                + " valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        learnerId,
                        organizationId,
                        kind.name(),
                        t,
                        v,
                        validFrom,
                        validTo,
                        Timestamps.sql(Timestamps.now()))
                .update();
        records.touched(organizationId, learner, "added " + kind.name().toLowerCase(Locale.ROOT) + " (" + t + ")");
        return new Contact(id, kind, t, v, validFrom, validTo);
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** Adds a contact the learner typed themselves, if the organization lets learners keep that kind. */
    @Transactional
    public Contact addOwn(UUID organizationId, UUID learnerId, Contact.Kind kind, String type, String value) {
        checkSelfEdit(organizationId, kind);
        return add(organizationId, learnerId, kind, type, value, LocalDate.now(), null);
    }

    /** Removes a contact the learner keeps themselves. */
    @Transactional
    public void removeOwn(UUID organizationId, UUID learnerId, UUID contactId) {
        var contact = contacts(organizationId, learnerId).stream()
                .filter(c -> c.id().equals(contactId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("That contact"));
        checkSelfEdit(organizationId, contact.kind());
        remove(organizationId, learnerId, contactId);
    }

    /** Removes a contact. */
    @Transactional
    public void remove(UUID organizationId, UUID learnerId, UUID contactId) {
        var learner = records.find(organizationId, learnerId);
        int removed = jdbc.sql("DELETE FROM learner_contact WHERE id = ? AND learner_id = ? AND organization_id = ?")
                .params(contactId, learnerId, organizationId)
                .update();
        if (removed == 0) {
            throw ProblemException.notFound("That contact");
        }
        records.touched(organizationId, learner, "removed a contact");
    }

    /** The identifiers of a learner; national ones masked. */
    @Transactional(readOnly = true)
    public List<Identifier> identifiers(UUID organizationId, UUID learnerId) {
        records.find(organizationId, learnerId);
        return jdbc.sql(
                        "SELECT id, kind, issuer, identifier_value, last_four FROM learner_identifier WHERE learner_id = ?"
                                + " AND organization_id = ? ORDER BY kind, issuer, id")
                .params(learnerId, organizationId)
                .query((rs, n) -> {
                    var kind = Identifier.Kind.valueOf(rs.getString("kind"));
                    return new Identifier(
                            rs.getObject("id", UUID.class),
                            kind,
                            rs.getString("issuer"),
                            kind == Identifier.Kind.NATIONAL
                                    ? Identifier.mask(rs.getString("last_four"))
                                    : rs.getString("identifier_value"));
                })
                .list();
    }

    /** Adds an identifier; a national one is sealed and only its last four characters kept in the clear. */
    @Transactional
    public Identifier addIdentifier(
            UUID organizationId, UUID learnerId, Identifier.Kind kind, String issuer, String value) {
        var learner = records.find(organizationId, learnerId);
        var i = issuer == null ? "" : issuer.trim();
        var v = value == null ? "" : value.trim();
        if (i.isEmpty() || i.length() > 200) {
            throw ProblemException.invalidField(
                    "issuer", "name who issued it (a school, or a country), up to 200 characters.");
        }
        if (v.isEmpty() || v.length() > 100) {
            throw ProblemException.invalidField("value", "give the identifier, up to 100 characters.");
        }
        var id = UUID.randomUUID();
        if (kind == Identifier.Kind.NATIONAL) {
            if (v.replaceAll("[^A-Za-z0-9]", "").length() < 4) {
                throw ProblemException.invalidField(
                        "value", "a national identifier has at least four digits or letters.");
            }
            jdbc.sql("INSERT INTO learner_identifier (id, learner_id, organization_id, kind, issuer, sealed_value,"
                            + " last_four, created_at) VALUES (?, ?, ?, 'NATIONAL', ?, ?, ?, ?)")
                    .params(
                            id,
                            learnerId,
                            organizationId,
                            i,
                            nationalIds.seal(v, learnerId.toString()),
                            NationalIds.lastFour(v),
                            Timestamps.sql(Timestamps.now()))
                    .update();
            records.touched(organizationId, learner, "added a national identifier (" + i + ")");
            return new Identifier(id, kind, i, Identifier.mask(NationalIds.lastFour(v)));
        }
        jdbc.sql(
                        "INSERT INTO learner_identifier (id, learner_id, organization_id, kind, issuer, identifier_value, created_at)"
                                + " VALUES (?, ?, ?, 'EXTERNAL', ?, ?, ?)")
                .params(id, learnerId, organizationId, i, v, Timestamps.sql(Timestamps.now()))
                .update();
        records.touched(organizationId, learner, "added an identifier from " + i);
        return new Identifier(id, kind, i, v);
    }

    /** Removes an identifier. */
    @Transactional
    public void removeIdentifier(UUID organizationId, UUID learnerId, UUID identifierId) {
        var learner = records.find(organizationId, learnerId);
        int removed = jdbc.sql("DELETE FROM learner_identifier WHERE id = ? AND learner_id = ? AND organization_id = ?")
                .params(identifierId, learnerId, organizationId)
                .update();
        if (removed == 0) {
            throw ProblemException.notFound("That identifier");
        }
        records.touched(organizationId, learner, "removed an identifier");
    }

    private void checkSelfEdit(UUID organizationId, Contact.Kind kind) {
        var allowed = numbers.settings(organizationId).selfEdit();
        boolean ok = switch (kind) {
            case PHONE -> allowed.contains(LearnerNumbers.SelfEdit.PHONE);
            case ADDRESS -> allowed.contains(LearnerNumbers.SelfEdit.ADDRESS);
            case EMAIL -> false;
        };
        if (!ok) {
            throw ProblemException.forbidden("Your " + kind.name().toLowerCase(Locale.ROOT)
                    + " is kept by the registrar's office; ask them to change it.");
        }
    }
}
