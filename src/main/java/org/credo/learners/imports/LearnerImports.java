package org.credo.learners.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.credo.learners.DuplicateRule;
import org.credo.learners.Learners;
import org.credo.learners.LearnersImported;
import org.credo.learners.duplicates.DuplicateFinder;
import org.credo.learners.record.Contact;
import org.credo.learners.record.Identifier;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People imports (ADR 41): an uploaded CSV of learner records is kept and checked, every bad row reported; only a
 * file without problems can be confirmed, and confirming creates every record in one transaction through the
 * learners module's own service (learner numbers, events). A file, by its SHA-256, is applied once per organization.
 */
@Service
class LearnerImports {

    /** External ids from a file are recorded as issued by this name. */
    static final String EXTERNAL_ISSUER = "Imported file";

    /** What an upload came to: its rows and problems, or that the same file was applied before. */
    public record Preview(
            @Nullable UUID id,
            String fileName,
            String sha256,
            int rowCount,
            List<ImportRows.GoodRow> rows,
            List<ImportRows.Problem> problems,
            @Nullable Instant appliedAt,
            @Nullable Integer created) {

        /** Whether the file was already applied (then it cannot be applied again). */
        public boolean alreadyApplied() {
            return appliedAt != null;
        }

        /** Whether confirming would apply it now. */
        public boolean confirmable() {
            return id != null && !alreadyApplied() && problems.isEmpty() && !rows.isEmpty();
        }
    }

    /** What confirming created. */
    public record Applied(UUID id, int created, List<UUID> learnerIds) {}

    private final JdbcClient jdbc;
    private final LearnerContacts contacts;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    private final DuplicateFinder duplicates;

    LearnerImports(
            JdbcClient jdbc,
            LearnerContacts contacts,
            Catalog catalog,
            ApplicationEventPublisher events,
            DuplicateFinder duplicates) {
        this.duplicates = duplicates;
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.catalog = catalog;
        this.events = events;
    }

    /** Keeps an uploaded file and checks it; the same file uploaded again is the same import. */
    @Transactional
    public Preview upload(CredoUser user, String fileName, byte[] bytes) {
        var organizationId = user.organizationId();
        var sha = sha256(bytes);
        var name =
                fileName.isBlank() ? "learners.csv" : fileName.length() > 300 ? fileName.substring(0, 300) : fileName;
        var existing = jdbc.sql("SELECT id, status, applied_at, created_count FROM learner_import"
                        + " WHERE organization_id = ? AND sha256 = ?")
                .params(organizationId, sha)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3), rs.getObject(4, Integer.class)
                })
                .optional();
        if (existing.isPresent() && "APPLIED".equals(existing.get()[1])) {
            var row = existing.get();
            return new Preview(
                    (UUID) row[0],
                    name,
                    sha,
                    0,
                    List.of(),
                    List.of(),
                    ((java.sql.Timestamp) row[2]).toInstant(),
                    (Integer) row[3]);
        }
        var checked = check(organizationId, bytes, user);
        if (!checked.good()) {
            // Nothing to confirm: a file with problems is reported and not kept.
            return new Preview(null, name, sha, checked.rows().size(), checked.rows(), checked.problems(), null, null);
        }
        UUID id;
        if (existing.isPresent()) {
            id = (UUID) existing.get()[0];
            jdbc.sql("UPDATE learner_import SET file_name = ?, uploaded_by = ?, uploaded_at = ? WHERE id = ?")
                    .params(name, user.personId(), Timestamps.sql(Timestamps.now()), id)
                    .update();
        } else {
            id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO learner_import (id, organization_id, sha256, file_name, content, row_count, status,
                      uploaded_by, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'PREVIEWED', ?, ?)""")
                    .params(
                            id,
                            organizationId,
                            sha,
                            name,
                            new String(bytes, StandardCharsets.UTF_8),
                            checked.rows().size(),
                            user.personId(),
                            Timestamps.sql(Timestamps.now()))
                    .update();
        }
        return new Preview(id, name, sha, checked.rows().size(), checked.rows(), checked.problems(), null, null);
    }

    /**
     * Applies a previewed import: every row becomes a learner record, all in this transaction, or none does (when
     * the file has problems now, say an address taken since the preview).
     */
    @Transactional
    public Applied confirm(CredoUser user, UUID importId) {
        var organizationId = user.organizationId();
        var row = jdbc.sql("SELECT file_name, sha256, content, status, applied_at FROM learner_import"
                        + " WHERE id = ? AND organization_id = ? FOR UPDATE")
                .params(importId, organizationId)
                .query((rs, n) -> new Object[] {
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5)
                })
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That import"));
        if ("APPLIED".equals(row[3])) {
            throw ProblemException.conflict(
                    "Already imported",
                    "This file was already imported on " + ((java.sql.Timestamp) row[4]).toInstant()
                            + "; its learners exist. Upload a changed file to import more.");
        }
        var checked = check(organizationId, ((String) row[2]).getBytes(StandardCharsets.UTF_8), user);
        if (!checked.good()) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Rows have problems",
                    checked.problems().size() + " problems; fix every row listed and upload the file again."
                            + " Nothing was imported.",
                    Map.of(
                            "errors",
                            checked.problems().stream()
                                    .map(p -> Map.of("row", p.row(), "column", p.column(), "message", p.message()))
                                    .toList()));
        }
        var ids = new java.util.ArrayList<UUID>();
        for (var good : checked.rows()) {
            var learner = contacts.create(
                    organizationId,
                    new LearnerDetails(
                            good.givenName(),
                            good.familyName(),
                            good.preferredName(),
                            good.dateOfBirth(),
                            good.pronouns(),
                            good.programId(),
                            null,
                            false),
                    good.status(),
                    null,
                    good.email());
            if (good.phone() != null) {
                contacts.add(organizationId, learner.id(), Contact.Kind.PHONE, "MOBILE", good.phone(), null, null);
            }
            if (good.externalId() != null) {
                contacts.addIdentifier(
                        organizationId, learner.id(), Identifier.Kind.EXTERNAL, EXTERNAL_ISSUER, good.externalId());
            }
            ids.add(learner.id());
        }
        var now = Timestamps.now();
        jdbc.sql("UPDATE learner_import SET status = 'APPLIED', applied_by = ?, applied_at = ?, created_count = ?"
                        + " WHERE id = ?")
                .params(user.personId(), Timestamps.sql(now), ids.size(), importId)
                .update();
        events.publishEvent(new LearnersImported(
                ChangeStamp.by(organizationId, user.personId(), user.displayName()),
                importId,
                (String) row[0],
                (String) row[1],
                ids.size()));
        return new Applied(importId, ids.size(), List.copyOf(ids));
    }

    private ImportRows.Checked check(UUID organizationId, byte[] bytes, CredoUser user) {
        var today = LocalDate.now(user.zone());
        var programs = new HashMap<String, Optional<UUID>>();
        return ImportRows.check(
                bytes,
                code -> programs.computeIfAbsent(
                        code, c -> catalog.program(organizationId, c, today).map(Catalog.ProgramRecord::programId)),
                email -> jdbc.sql("SELECT count(*) FROM learner_contact WHERE organization_id = ? AND kind = 'EMAIL'"
                                        + " AND lower(contact_value) = ?")
                                .params(organizationId, email)
                                .query(Long.class)
                                .single()
                        > 0,
                row -> duplicates
                        .find(
                                organizationId,
                                new Learners.Candidate(
                                        row.givenName(),
                                        row.familyName(),
                                        row.dateOfBirth(),
                                        row.email() == null ? List.of() : List.of(row.email()),
                                        row.phone() == null ? List.of() : List.of(row.phone())),
                                null)
                        .stream()
                        .filter(d -> d.rule() != DuplicateRule.SAME_EMAIL)
                        .findFirst()
                        .map(d -> d.name() + " (" + d.learnerNumber() + "; "
                                + d.rule().label().toLowerCase(Locale.ROOT) + ")"),
                today);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
