package org.credo.catalog.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.credo.catalog.intake.Inquiries;
import org.credo.catalog.proposal.Curriculum;
import org.credo.catalog.proposal.Proposal;
import org.credo.catalog.proposal.Proposals;
import org.credo.catalog.publiccatalog.CatalogOrganizations;
import org.credo.catalog.publiccatalog.CatalogReader;
import org.credo.platform.CredoUser;
import org.credo.platform.HomeCard;
import org.credo.platform.HomeCard.Entry;
import org.credo.platform.HomeCard.Figure;
import org.credo.platform.HomeCard.Link;
import org.credo.platform.HomeCards;
import org.credo.platform.PageQuery;
import org.credo.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's cards on the home page: proposals for authors and reviewers, the published catalog and its
 * inquiries for editors and admissions, and the catalog as it stands for the roles whose own modules come later
 * (applicants see program starts, instructors courses, advisors programs and their requirements, bursars tuition).
 */
@Component
class CatalogHomeCards implements HomeCards {

    private static final int NEXT = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Curriculum curriculum;
    private final Inquiries inquiries;
    private final CatalogReader reader;
    private final CatalogOrganizations organizations;
    private final JdbcClient jdbc;

    CatalogHomeCards(
            Curriculum curriculum,
            Inquiries inquiries,
            CatalogReader reader,
            CatalogOrganizations organizations,
            JdbcClient jdbc) {
        this.curriculum = curriculum;
        this.inquiries = inquiries;
        this.reader = reader;
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    @Override
    public List<HomeCard> cards(CredoUser user) {
        var cards = new ArrayList<HomeCard>();
        if (user.hasRole(Role.CURRICULUM_AUTHOR)) {
            cards.add(author(user));
        }
        for (var role : List.of(Role.COMMITTEE_MEMBER, Role.REGISTRAR)) {
            if (user.hasRole(role)) {
                cards.add(reviewer(user, role));
            }
        }
        if (user.hasRole(Role.CATALOG_EDITOR)) {
            cards.add(editor(user));
        }
        if (user.hasRole(Role.ADMISSIONS_OFFICER)) {
            cards.add(admissions(user));
        }
        var today = LocalDate.now(user.zone());
        if (user.hasRole(Role.APPLICANT)) {
            cards.add(applicant(user, today));
        }
        if (user.hasRole(Role.INSTRUCTOR)) {
            cards.add(instructor(user, today));
        }
        if (user.hasRole(Role.ADVISOR)) {
            cards.add(advisor(user, today));
        }
        if (user.hasRole(Role.BURSAR)) {
            cards.add(bursar(user, today));
        }
        return cards;
    }

    private HomeCard author(CredoUser user) {
        var mine = curriculum.page(user, Proposals.Filter.MINE, null, null, recent());
        var open = mine.items().stream()
                .filter(p -> p.status() == Proposal.Status.DRAFT
                        || p.status() == Proposal.Status.RETURNED
                        || p.status() == Proposal.Status.IN_REVIEW)
                .limit(NEXT)
                .map(CatalogHomeCards::entry)
                .toList();
        return new HomeCard(
                Role.CURRICULUM_AUTHOR,
                "Your proposals",
                List.of(
                        new Figure("returned to you", mine(user, "RETURNED"), "/manage/catalog/proposals?filter=MINE"),
                        new Figure("drafts", mine(user, "DRAFT"), "/manage/catalog/proposals?filter=MINE"),
                        new Figure("in review", mine(user, "IN_REVIEW"), "/manage/catalog/proposals?filter=MINE")),
                open,
                "No open proposals: propose a course, a program or a credential.",
                List.of(
                        new Link("New proposal", "/manage/catalog/proposals/new"),
                        new Link("All proposals", "/manage/catalog/proposals")),
                10);
    }

    private HomeCard reviewer(CredoUser user, Role role) {
        var awaiting = curriculum.page(user, Proposals.Filter.AWAITING, null, null, recent());
        return new HomeCard(
                role,
                "Curriculum proposals to review",
                List.of(new Figure(
                        "awaiting your decision", awaiting.totalItems(), "/manage/catalog/proposals?filter=AWAITING")),
                awaiting.items().stream()
                        .limit(NEXT)
                        .map(CatalogHomeCards::entry)
                        .toList(),
                "Nothing awaits your decision.",
                List.of(new Link("Proposals", "/manage/catalog/proposals?filter=AWAITING")),
                role == Role.REGISTRAR ? 40 : 10);
    }

    private HomeCard editor(CredoUser user) {
        var org = user.organizationId();
        var organization = organizations.find(org);
        return new HomeCard(
                Role.CATALOG_EDITOR,
                "The public catalog",
                List.of(
                        new Figure("programs published", count("catalog_program", org), "/manage/catalog/programs"),
                        new Figure("courses published", count("catalog_course", org), "/manage/catalog/courses"),
                        new Figure("inquiries this month", inquiriesSince(org, 30), "/manage/catalog/inquiries")),
                upcomingStarts(org, LocalDate.now(user.zone()), organization),
                "No program starts are scheduled.",
                List.of(
                        new Link("Program starts", "/manage/catalog/intakes"),
                        new Link("Inquiries", "/manage/catalog/inquiries"),
                        new Link("Public catalog", organizations.basePath(organization))),
                10);
    }

    private HomeCard admissions(CredoUser user) {
        var org = user.organizationId();
        var latest = inquiries.page(org, PageQuery.of(0, NEXT, "received,desc", List.of("received", "program"), false));
        return new HomeCard(
                Role.ADMISSIONS_OFFICER,
                "Inquiries from the catalog",
                List.of(
                        new Figure("in the last 7 days", inquiriesSince(org, 7), "/manage/catalog/inquiries"),
                        new Figure("in the last 30 days", inquiriesSince(org, 30), "/manage/catalog/inquiries"),
                        new Figure("in all", latest.totalItems(), "/manage/catalog/inquiries")),
                latest.items().stream()
                        .map(i -> new Entry(
                                i.name() + " · " + i.kindLabel() + " · " + i.programCode(),
                                DAY.format(i.receivedAt().atZone(user.zone())),
                                "/manage/catalog/inquiries"))
                        .toList(),
                "No inquiries yet.",
                List.of(new Link("All inquiries", "/manage/catalog/inquiries")),
                10);
    }

    private HomeCard applicant(CredoUser user, LocalDate today) {
        var organization = organizations.find(user.organizationId());
        var starts = upcomingStarts(user.organizationId(), today, organization);
        return new HomeCard(
                Role.APPLICANT,
                "Programs you can ask about or apply to",
                List.of(new Figure(
                        "programs in the catalog",
                        reader.programs(user.organizationId(), today).size(),
                        organizations.basePath(organization))),
                starts,
                "No program starts are scheduled yet; the catalog lists every program.",
                List.of(new Link("Browse the catalog", organizations.basePath(organization))),
                10);
    }

    private HomeCard instructor(CredoUser user, LocalDate today) {
        var organization = organizations.find(user.organizationId());
        var courses = reader.courses(user.organizationId(), today);
        return new HomeCard(
                Role.INSTRUCTOR,
                "Courses in the catalog",
                List.of(new Figure("courses published", courses.size(), organizations.basePath(organization))),
                courses.stream()
                        .limit(NEXT)
                        .map(c -> new Entry(
                                c.subject() + " " + c.number() + " " + c.title(),
                                credits(c.credits()),
                                organizations.coursePath(organization, c.subject(), c.number())))
                        .toList(),
                "No courses are published yet.",
                List.of(new Link("Course catalog", organizations.basePath(organization))),
                10);
    }

    private HomeCard advisor(CredoUser user, LocalDate today) {
        var organization = organizations.find(user.organizationId());
        var programs = reader.programs(user.organizationId(), today);
        return new HomeCard(
                Role.ADVISOR,
                "Programs and their requirements",
                List.of(new Figure("programs published", programs.size(), organizations.basePath(organization))),
                programs.stream()
                        .limit(NEXT)
                        .map(p -> new Entry(
                                p.name(),
                                p.programTypeLabel() + ", " + p.creditsText() + " credits",
                                organizations.programPath(organization, p.code())))
                        .toList(),
                "No programs are published yet.",
                List.of(new Link("Program catalog", organizations.basePath(organization))),
                10);
    }

    private HomeCard bursar(CredoUser user, LocalDate today) {
        var organization = organizations.find(user.organizationId());
        var programs = reader.programs(user.organizationId(), today);
        var priced = programs.stream().filter(p -> p.tuitionAmount() != null).toList();
        return new HomeCard(
                Role.BURSAR,
                "Published tuition",
                List.of(
                        new Figure("programs with tuition", priced.size(), organizations.basePath(organization)),
                        new Figure(
                                "programs without",
                                programs.size() - priced.size(),
                                organizations.basePath(organization))),
                priced.stream()
                        .limit(NEXT)
                        .map(p -> new Entry(
                                p.name(),
                                p.tuitionAmount()
                                                .setScale(2, RoundingMode.HALF_UP)
                                                .toPlainString() + " "
                                        + (p.tuitionCurrency() == null ? "" : p.tuitionCurrency()),
                                organizations.programPath(organization, p.code())))
                        .toList(),
                "No program publishes its tuition yet.",
                List.of(new Link("Program catalog", organizations.basePath(organization))),
                10);
    }

    private List<Entry> upcomingStarts(
            UUID organizationId, LocalDate today, org.credo.platform.OrganizationSummary organization) {
        return jdbc.sql("""
                        SELECT i.term_name, i.starts_on, i.application_deadline, p.code
                        FROM catalog_program_intake i JOIN catalog_program p ON p.id = i.program_id
                        WHERE i.organization_id = ? AND i.starts_on >= ?
                        ORDER BY i.starts_on, p.code LIMIT ?""")
                .params(organizationId, today, NEXT)
                .query((rs, n) -> {
                    var code = rs.getString("code");
                    var deadline = rs.getObject("application_deadline", LocalDate.class);
                    return new Entry(
                            code + " · " + rs.getString("term_name"),
                            "starts " + DAY.format(rs.getObject("starts_on", LocalDate.class))
                                    + (deadline == null ? "" : ", apply by " + DAY.format(deadline)),
                            organizations.programPath(organization, code));
                })
                .list();
    }

    private long mine(CredoUser user, String status) {
        return jdbc.sql(
                        "SELECT count(*) FROM catalog_proposal WHERE organization_id = ? AND author_id = ? AND status = ?")
                .params(user.organizationId(), user.personId(), status)
                .query(Long.class)
                .single();
    }

    private long count(String table, UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .single();
    }

    private long inquiriesSince(UUID organizationId, int days) {
        return jdbc.sql("SELECT count(*) FROM catalog_inquiry WHERE organization_id = ? AND created_at >= ?")
                .params(
                        organizationId,
                        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(days))))
                .query(Long.class)
                .single();
    }

    private static PageQuery recent() {
        return PageQuery.of(0, NEXT * 4, "updatedAt,desc", Proposals.SORTABLE, false);
    }

    private static Entry entry(Proposal p) {
        return new Entry("#" + p.number() + " " + p.title(), p.status().label(), "/manage/catalog/proposals/" + p.id());
    }

    private static String credits(BigDecimal credits) {
        return credits.stripTrailingZeros().toPlainString() + " credits";
    }
}
