package org.credo.admissions.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.admissions.ApplicantAccountCreated;
import org.credo.catalog.Catalog;
import org.credo.notifications.Notifications;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.SelfServiceAccounts;
import org.credo.platform.SourceThrottle;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service applicant sign-up (ADR 40). A request never says whether the address is known: a new address gets a
 * single-use, expiring verification link; an address that already belongs to a person gets an email saying so; a
 * robot (honeypot filled) or a throttled request gets nothing; and all of them get the same answer after the same
 * work (the password is hashed in every case). Following the link creates the person with exactly the APPLICANT role.
 */
@Service
class ApplicantSignUps {

    /** The name sign-up requests count under in the per-network throttle. */
    static final String THROTTLE_PAGE = "applicant-sign-up";

    /** How long a verification link works. */
    static final Duration VALIDITY = Duration.ofHours(24);

    /** Requests for one address within {@link #ADDRESS_WINDOW} beyond which nothing more is sent to it. */
    static final int MAX_PER_ADDRESS = 3;

    static final Duration ADDRESS_WINDOW = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What following a verification link came to. */
    sealed interface Verified {
        /** The account was opened; the applicant is to be signed in as this user. */
        record Opened(CredoUser user) implements Verified {}

        /** The address belonged to someone by the time the link was followed: they sign in instead. */
        record AlreadyAccount(String email) implements Verified {}
    }

    /** A link checked before the confirm button is shown. */
    record Pending(String name, String email, String organizationName) {}

    private final JdbcClient jdbc;
    private final SelfServiceAccounts accounts;
    private final Organizations organizations;
    private final Catalog catalog;
    private final Notifications notifications;
    private final SignUpEmails emails;
    private final SourceThrottle throttle;
    private final CredoProperties properties;
    private final ApplicationEventPublisher events;
    private final String defaultOrganization;

    ApplicantSignUps(
            JdbcClient jdbc,
            SelfServiceAccounts accounts,
            Organizations organizations,
            Catalog catalog,
            Notifications notifications,
            SignUpEmails emails,
            SourceThrottle throttle,
            CredoProperties properties,
            ApplicationEventPublisher events,
            @Value("${credo.catalog.default-organization:northfield}") String defaultOrganization) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organizations = organizations;
        this.catalog = catalog;
        this.notifications = notifications;
        this.emails = emails;
        this.throttle = throttle;
        this.properties = properties;
        this.events = events;
        this.defaultOrganization = defaultOrganization;
    }

    /** The organization a sign-up is for: the one named by slug, or the deployment's default one. */
    OrganizationSummary organization(@Nullable String slug) {
        var wanted = slug == null || slug.isBlank() ? defaultOrganization : slug.trim();
        return organizations
                .findBySlug(wanted)
                .orElseThrow(() -> ProblemException.invalidField(
                        "organization",
                        "no organization has the name '" + wanted + "'; follow the link on its catalog."));
    }

    /** The name of the program a sign-up came from, if the code names a current program of the organization. */
    Optional<String> programName(OrganizationSummary organization, @Nullable String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        var today = LocalDate.now(ZoneId.of(organization.timeZone()));
        return catalog.program(organization.id(), code.trim(), today).map(Catalog.ProgramRecord::name);
    }

    /**
     * Takes a sign-up. Fails only for what the applicant typed (which says nothing about who is known); otherwise
     * returns normally whether a link, an "already have an account" email or nothing at all was sent.
     */
    @Transactional
    void request(SignUp signUp, @Nullable String source) {
        var organization = organization(signUp.organization());
        var email = normalize(signUp.email());
        accounts.checkPassword(signUp.password(), email);
        var program = programName(organization, signUp.program())
                .map(n -> signUp.program().trim());
        if (signUp.program() != null && !signUp.program().isBlank() && program.isEmpty()) {
            throw ProblemException.invalidField(
                    "program",
                    "no current program of " + organization.name() + " has the code '" + signUp.program() + "'.");
        }
        // Hashed for every request, used or not, so that known and unknown addresses take the same time.
        var passwordHash = accounts.hashPassword(signUp.password());
        if (signUp.robot()) {
            return;
        }
        if (!throttle.linkAllowed(THROTTLE_PAGE, source) || recent(email) >= MAX_PER_ADDRESS) {
            return;
        }
        var existing = accounts.exists(email);
        var now = Timestamps.now();
        var id = UUID.randomUUID();
        var token = existing ? null : newToken();
        jdbc.sql("""
                INSERT INTO applicant_sign_up (id, organization_id, email, display_name, program_code, kind, token_hash,
                  password_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        organization.id(),
                        email,
                        signUp.name().strip(),
                        program.orElse(null),
                        existing ? "EXISTING" : "NEW",
                        token == null ? null : digest(token),
                        existing ? null : passwordHash,
                        Timestamps.sql(now),
                        Timestamps.sql(now.plus(VALIDITY)))
                .update();
        var message = existing
                ? emails.render(
                        organization.id(),
                        SignUpEmails.Kind.EXISTING,
                        Map.of(
                                "organization", organization.name(),
                                "email", email,
                                "signInLink", properties.link("/login"),
                                "resetLink", properties.link("/password/forgot")))
                : emails.render(
                        organization.id(),
                        SignUpEmails.Kind.VERIFY,
                        Map.of(
                                "organization", organization.name(),
                                "name", signUp.name().strip(),
                                "email", email,
                                "program", program.orElse(""),
                                "hours", Long.toString(VALIDITY.toHours()),
                                "link", properties.link("/apply/sign-up/verify?token=" + token)));
        notifications.enqueue(
                organization.id(), email, message.subject(), message.text(), message.html(), "applicant-sign-up:" + id);
    }

    /** Checks a link without using it, to greet the applicant on the confirm page. */
    @Transactional(readOnly = true)
    Pending peek(String token) {
        var row = find(token, false);
        var organization = organizations.find(row.organizationId()).orElseThrow();
        return new Pending(row.name(), row.email(), organization.name());
    }

    /**
     * Uses a link up and opens the account: a person with exactly the APPLICANT role in the organization. A second
     * use, an expired or unknown link fails with what to do instead.
     */
    @Transactional
    Verified verify(String token) {
        var row = find(token, true);
        var now = Timestamps.now();
        var opened = accounts.open(row.organizationId(), row.email(), row.name(), row.passwordHash(), Role.APPLICANT);
        jdbc.sql("UPDATE applicant_sign_up SET used_at = ?, person_id = ? WHERE id = ?")
                .params(Timestamps.sql(now), opened.orElse(null), row.id())
                .update();
        if (opened.isEmpty()) {
            return new Verified.AlreadyAccount(row.email());
        }
        var personId = opened.get();
        // Other open links for the same address are no longer needed: the account exists.
        jdbc.sql("UPDATE applicant_sign_up SET used_at = ? WHERE email = ? AND used_at IS NULL")
                .params(Timestamps.sql(now), row.email())
                .update();
        events.publishEvent(new ApplicantAccountCreated(
                ChangeStamp.by(row.organizationId(), personId, row.name()),
                personId,
                row.email(),
                row.name(),
                row.programCode()));
        return new Verified.Opened(
                accounts.signIn(personId, row.organizationId()).orElseThrow());
    }

    private record Row(
            UUID id,
            UUID organizationId,
            String email,
            String name,
            @Nullable String programCode,
            String passwordHash) {}

    private Row find(String token, boolean lock) {
        var again = "Sign up again to get a new link.";
        var found = jdbc.sql("SELECT id, organization_id, email, display_name, program_code, password_hash, expires_at,"
                        + " used_at FROM applicant_sign_up WHERE token_hash = ?" + (lock ? " FOR UPDATE" : ""))
                .param(digest(token))
                .query((rs, n) -> new Object[] {
                    new Row(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)),
                    rs.getTimestamp(7).toInstant(),
                    rs.getTimestamp(8)
                })
                .optional()
                .orElseThrow(() ->
                        ProblemException.badRequest("Unknown link", "This confirmation link is not valid. " + again));
        if (found[2] != null) {
            throw ProblemException.badRequest(
                    "Link already used",
                    "This confirmation link was already used. Sign in with your email and password, or sign up again.");
        }
        if (((Instant) found[1]).isBefore(Instant.now())) {
            throw ProblemException.badRequest("Link expired", "This confirmation link has expired. " + again);
        }
        return (Row) found[0];
    }

    private long recent(String email) {
        return jdbc.sql("SELECT count(*) FROM applicant_sign_up WHERE email = ? AND created_at > ?")
                .params(email, Timestamps.sql(Timestamps.now().minus(ADDRESS_WINDOW)))
                .query(Long.class)
                .single();
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String newToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
