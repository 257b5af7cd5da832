package org.credo.learners.duplicates;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.credo.catalog.InquiryReceived;
import org.credo.learners.DuplicateRule;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners.Candidate;
import org.credo.learners.record.Contact;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An inquiry from the public catalog becomes part of a person's record: attached to the record with the same email,
 * or to a new prospect. One row per inquiry in {@code learner_inquiry} makes a second delivery of the event a no-op.
 */
@Component
public class InquiryProspects {

    private static final Logger log = LoggerFactory.getLogger(InquiryProspects.class);

    /** Words that open a family name ('Ludwig van Beethoven', 'Ana de la Cruz'). */
    private static final Set<String> PARTICLES = Set.of(
            "van", "von", "de", "der", "den", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "bin", "ibn",
            "al", "el", "ter", "ten", "st", "st.", "mac");

    /** What the record accepts as an email address and a phone number (as LearnerContacts checks them). */
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private static final String PHONE = "\\+?[0-9 ()./-]{5,30}";

    /** An inquiry attached to a person record. */
    public record LinkedInquiry(
            UUID inquiryId, @Nullable String programCode, String kind, boolean createdProspect, java.time.Instant at) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final DuplicateFinder finder;
    private final LearnerContacts contacts;

    InquiryProspects(JdbcClient jdbc, Catalog catalog, DuplicateFinder finder, LearnerContacts contacts) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.finder = finder;
        this.contacts = contacts;
    }

    @ApplicationModuleListener
    void on(InquiryReceived event) {
        attach(event.stamp().organizationId(), event.inquiryId());
    }

    /** Attaches an inquiry to a person record and returns that record's id; a second call returns the same id. */
    @Transactional
    public @Nullable UUID attach(UUID organizationId, UUID inquiryId) {
        var known = linkedLearner(organizationId, inquiryId);
        if (known != null) {
            return known;
        }
        var inquiry = catalog.inquiry(organizationId, inquiryId).orElse(null);
        if (inquiry == null) {
            log.warn("Inquiry {} of organization {} is gone; nothing to attach", inquiryId, organizationId);
            return null;
        }
        var name = split(inquiry.name());
        var phones = inquiry.phone() == null ? List.<String>of() : List.of(inquiry.phone());
        var candidate = new Candidate(name[0], name[1], null, List.of(inquiry.email()), phones);
        var sameEmail = finder.find(organizationId, candidate, null).stream()
                .filter(m -> m.rule() == DuplicateRule.SAME_EMAIL)
                .findFirst();
        UUID learnerId;
        boolean created;
        if (sameEmail.isPresent()) {
            learnerId = sameEmail.get().learnerId();
            created = false;
        } else {
            var details = new LearnerDetails(name[0], name[1], null, null, null, null, null, false);
            // The catalog form checks the address, but an odd one must not lose the prospect (nor fail its
            // transaction): contacts are only added when they pass the record's own checks.
            var email = inquiry.email().trim();
            learnerId = contacts.create(
                            organizationId,
                            details,
                            LearnerStatus.PROSPECT,
                            null,
                            email.matches(EMAIL) && email.length() <= 254 ? email : null)
                    .id();
            created = true;
            if (inquiry.phone() != null && inquiry.phone().trim().matches(PHONE)) {
                contacts.add(
                        organizationId,
                        learnerId,
                        Contact.Kind.PHONE,
                        "MOBILE",
                        inquiry.phone().trim(),
                        LocalDate.now(),
                        null);
            }
        }
        jdbc.sql("INSERT INTO learner_inquiry (organization_id, inquiry_id, learner_id, program_id, program_code,"
                        + " inquiry_kind, created_prospect, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        organizationId,
                        inquiryId,
                        learnerId,
                        inquiry.programId(),
                        inquiry.programCode(),
                        inquiry.kind(),
                        created,
                        Timestamps.sql(Timestamps.now()))
                .update();
        return learnerId;
    }

    /** The inquiries attached to a record, newest first: what a person timeline lists. */
    @Transactional(readOnly = true)
    public List<LinkedInquiry> of(UUID organizationId, UUID learnerId) {
        return jdbc.sql("SELECT * FROM learner_inquiry WHERE organization_id = ? AND learner_id = ?"
                        + " ORDER BY linked_at DESC")
                .params(organizationId, learnerId)
                .query((rs, n) -> new LinkedInquiry(
                        rs.getObject("inquiry_id", UUID.class),
                        rs.getString("program_code"),
                        rs.getString("inquiry_kind"),
                        rs.getBoolean("created_prospect"),
                        rs.getObject("linked_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list();
    }

    private @Nullable UUID linkedLearner(UUID organizationId, UUID inquiryId) {
        return jdbc.sql("SELECT learner_id FROM learner_inquiry WHERE organization_id = ? AND inquiry_id = ?")
                .params(organizationId, inquiryId)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    /**
     * Splits a name typed in one box into given and family names: 'Lovelace, Ada' (family first after a comma);
     * 'Ana de la Cruz' (the family name opens with a particle); otherwise the last word is the family name. A single
     * word is both, since a record needs each.
     */
    static String[] split(String typed) {
        var name = typed == null ? "" : typed.trim().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            return new String[] {"Unknown", "Unknown"};
        }
        int comma = name.indexOf(',');
        if (comma > 0 && comma < name.length() - 1) {
            return new String[] {
                cut(name.substring(comma + 1).trim()),
                cut(name.substring(0, comma).trim())
            };
        }
        var words = name.replace(",", "").split(" ");
        if (words.length == 1) {
            return new String[] {cut(words[0]), cut(words[0])};
        }
        int family = words.length - 1;
        for (int i = 1; i < words.length - 1; i++) {
            if (PARTICLES.contains(words[i].toLowerCase(Locale.ROOT))) {
                family = i;
                break;
            }
        }
        return new String[] {
            cut(String.join(" ", java.util.Arrays.copyOfRange(words, 0, family))),
            cut(String.join(" ", java.util.Arrays.copyOfRange(words, family, words.length)))
        };
    }

    private static String cut(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100).trim();
    }
}
