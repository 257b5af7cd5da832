package org.credo.scheduling;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.credo.catalog.course.CourseContent;
import org.credo.catalog.course.Courses;
import org.credo.catalog.requirement.CourseCode;
import org.credo.platform.MembershipRoles;
import org.credo.platform.Role;
import org.credo.platform.people.People;
import org.credo.platform.people.Person;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.credo.scheduling.room.Room;
import org.credo.scheduling.room.Rooms;
import org.credo.scheduling.term.Term;
import org.credo.scheduling.term.TermDraft;
import org.credo.scheduling.term.TermDraft.PartDraft;
import org.credo.scheduling.term.Terms;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Terms, rooms, courses and instructors made for one test, with codes no other test uses. */
final class SchedulingFixtures {

    private final Terms terms;
    private final Rooms rooms;
    private final Courses courses;
    private final People people;
    private final MembershipRoles roles;
    private final JdbcClient jdbc;
    private final ApiTokenService tokens;
    private final org.credo.platform.people.Accounts accounts;

    SchedulingFixtures(org.springframework.context.ApplicationContext context) {
        this.terms = context.getBean(Terms.class);
        this.rooms = context.getBean(Rooms.class);
        this.courses = context.getBean(Courses.class);
        this.people = context.getBean(People.class);
        this.roles = context.getBean(MembershipRoles.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.tokens = context.getBean(ApiTokenService.class);
        this.accounts = context.getBean(org.credo.platform.people.Accounts.class);
    }

    UUID organization(String slug) {
        return jdbc.sql("SELECT id FROM organization WHERE slug = ?")
                .param(slug)
                .query(UUID.class)
                .single();
    }

    UUID northfield() {
        return organization("northfield");
    }

    String token(Role role) {
        return "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(org.credo.platform.demo.DemoData.email(role)),
                                new ApiTokenRequest("scheduling " + role, null, 1))
                        .token();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    }

    /** A term of 15 weeks from {@code start} with its full term and two halves. */
    Term term(UUID org, LocalDate start) {
        var end = start.plusWeeks(15);
        var mid = start.plusWeeks(7);
        return terms.save(
                org,
                null,
                new TermDraft(
                        unique("T"),
                        "Test term",
                        start,
                        end,
                        List.of(
                                part(PartOfTerm.FULL, start, end.minusDays(5)),
                                part(PartOfTerm.FIRST_HALF, start, mid),
                                part(PartOfTerm.SECOND_HALF, mid.plusDays(3), end.minusDays(5)))));
    }

    static PartDraft part(PartOfTerm part, LocalDate from, LocalDate to) {
        return new PartDraft(
                part,
                from,
                to,
                from.plusDays(5),
                from.plusDays(10),
                from.plusDays(30),
                from.plusDays(12),
                to.plusDays(3));
    }

    Room room(UUID org, int seats) {
        var building = rooms.saveBuilding(org, null, unique("B"), "Test building");
        return rooms.save(org, null, building.id(), "1", seats, List.of("projector"), true, true);
    }

    /** A course published from 1 Jan 2026 and, when {@code retiredFrom} is given, retired from then. */
    String course(UUID org, String credits, @org.jspecify.annotations.Nullable LocalDate retiredFrom) {
        var code =
                CourseCode.parse(unique("Q").replaceAll("[0-9]", "X") + " 101").orElseThrow();
        var content = new CourseContent(
                code, "Test course", new BigDecimal(credits), "A course for tests.", List.of(), null, null);
        courses.publish(org, content, LocalDate.of(2026, 1, 1), false, null, null);
        if (retiredFrom != null) {
            courses.publish(org, content, retiredFrom, true, null, null);
        }
        return code.toString();
    }

    String course(UUID org, String credits) {
        return course(org, credits, null);
    }

    /** A new member of the organization with the instructor role. */
    UUID instructor(UUID org, String name) {
        var id = UUID.randomUUID();
        people.insert(
                new Person(id, unique("i").toLowerCase(Locale.ROOT) + "@example.test", name, null, null, Instant.now()),
                false);
        roles.grant(org, id, Role.INSTRUCTOR);
        return id;
    }
}
