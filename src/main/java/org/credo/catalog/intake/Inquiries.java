package org.credo.catalog.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.credo.catalog.InquiryReceived;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Apply" and "Request information" from the public catalog, kept for admissions. One email address
 * may send a few per hour to an organization; more are refused (the public form also carries a
 * honeypot field that only robots fill in).
 */
@Service
public class Inquiries {

    /** Inquiries one email address may send to an organization within an hour. */
    static final int PER_EMAIL_PER_HOUR = 3;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Inquiries(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Stores an inquiry about a program and returns its id.
     *
     * @throws ProblemException on the {@code email} field when that address sent too many in the last hour
     */
    @Transactional
    public UUID receive(
            UUID organizationId,
            UUID programId,
            String programCode,
            String kind,
            String name,
            String email,
            @Nullable String phone,
            @Nullable String message) {
        if (!kind.equals("APPLY") && !kind.equals("INFORMATION")) {
            throw ProblemException.invalidField("kind", "choose to apply or to ask for information.");
        }
        var now = Timestamps.now();
        long recent = jdbc.sql("SELECT count(*) FROM catalog_inquiry WHERE organization_id = ? AND lower(email) = ?"
                        + " AND created_at > ?")
                .params(
                        organizationId,
                        email.trim().toLowerCase(java.util.Locale.ROOT),
                        Timestamps.sql(now.minus(1, ChronoUnit.HOURS)))
                .query(Long.class)
                .single();
        if (recent >= PER_EMAIL_PER_HOUR) {
            throw ProblemException.invalidField(
                    "email",
                    "we already have several requests from this address in the last hour; we will answer those first.");
        }
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO catalog_inquiry (id, organization_id, program_id, kind, name, email, phone, message,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        organizationId,
                        programId,
                        kind,
                        name.trim(),
                        email.trim(),
                        blank(phone),
                        blank(message),
                        Timestamps.sql(now))
                .update();
        events.publishEvent(new InquiryReceived(
                ChangeStamp.by(organizationId, null, "public catalog visitor"), id, programId, programCode, kind));
        return id;
    }

    /** One page of an organization's inquiries, newest first. */
    @Transactional(readOnly = true)
    public PageResult<Inquiry> page(UUID organizationId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM catalog_inquiry WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .single();
        var order = page.orderBy(Map.of("received", "i.created_at", "program", "p.code"), "i.id");
        var items = jdbc.sql("SELECT i.*, p.code FROM catalog_inquiry i JOIN catalog_program p ON p.id = i.program_id"
                        + " WHERE i.organization_id = ? ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(organizationId, page.size(), page.offset())
                .query((rs, n) -> new Inquiry(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("kind"),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        rs.getString("message"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        return PageResult.of(items, page, total);
    }

    /** One inquiry of the organization, with the program it is about. */
    @Transactional(readOnly = true)
    public java.util.Optional<Received> find(UUID organizationId, UUID inquiryId) {
        return jdbc.sql("SELECT i.*, p.code FROM catalog_inquiry i JOIN catalog_program p ON p.id = i.program_id"
                        + " WHERE i.id = ? AND i.organization_id = ?")
                .params(inquiryId, organizationId)
                .query((rs, n) -> received(rs))
                .optional();
    }

    /** The inquiries from any of these addresses (compared without case), newest first, at most 500. */
    @Transactional(readOnly = true)
    public java.util.List<Received> byEmails(UUID organizationId, java.util.Collection<String> emails) {
        if (emails.isEmpty()) {
            return java.util.List.of();
        }
        var params = new java.util.ArrayList<Object>();
        params.add(organizationId);
        emails.forEach(e -> params.add(e.trim().toLowerCase(java.util.Locale.ROOT)));
        return jdbc.sql("SELECT i.*, p.code FROM catalog_inquiry i JOIN catalog_program p ON p.id = i.program_id"
                        + " WHERE i.organization_id = ? AND lower(i.email) IN ("
                        + String.join(", ", java.util.Collections.nCopies(emails.size(), "?"))
                        + ") ORDER BY i.created_at DESC LIMIT 500")
                .params(params)
                .query((rs, n) -> received(rs))
                .list();
    }

    private static Received received(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Received(
                rs.getObject("id", UUID.class),
                rs.getObject("program_id", UUID.class),
                rs.getString("code"),
                rs.getString("kind"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("message"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** An inquiry with the program's id, as the catalog facade hands it to other modules. */
    public record Received(
            UUID id,
            UUID programId,
            String programCode,
            String kind,
            String name,
            String email,
            @Nullable String phone,
            @Nullable String message,
            Instant receivedAt) {}

    /** How many inquiries about a program arrived from {@code from} (or ever) until before {@code until}. */
    @Transactional(readOnly = true)
    public long count(UUID organizationId, UUID programId, @Nullable Instant from, Instant until) {
        var params =
                new java.util.ArrayList<Object>(java.util.List.of(organizationId, programId, Timestamps.sql(until)));
        var sql =
                "SELECT count(*) FROM catalog_inquiry WHERE organization_id = ? AND program_id = ? AND created_at < ?";
        if (from != null) {
            sql += " AND created_at >= ?";
            params.add(Timestamps.sql(from));
        }
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An inquiry as admissions sees it. */
    public record Inquiry(
            UUID id,
            String programCode,
            String kind,
            String name,
            String email,
            @Nullable String phone,
            @Nullable String message,
            Instant receivedAt) {

        public String kindLabel() {
            return "APPLY".equals(kind) ? "Apply" : "Information";
        }
    }
}
