package org.credo.scheduling.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.credo.platform.CredoUser;
import org.credo.platform.HomeCard;
import org.credo.platform.HomeCard.Entry;
import org.credo.platform.HomeCard.Figure;
import org.credo.platform.HomeCard.Link;
import org.credo.platform.HomeCards;
import org.credo.platform.Role;
import org.credo.scheduling.SectionStatus;
import org.credo.scheduling.section.Conflicts;
import org.credo.scheduling.section.Sections;
import org.credo.scheduling.term.Terms;
import org.springframework.stereotype.Component;

/**
 * The registrar's scheduling card: the current term's open conflicts and its planned sections not yet open; an
 * instructor's card of the sections they teach.
 */
@Component
class SchedulingHomeCards implements HomeCards {

    private static final int NEXT = 5;

    private final Terms terms;
    private final Sections sections;
    private final Conflicts conflicts;

    SchedulingHomeCards(Terms terms, Sections sections, Conflicts conflicts) {
        this.terms = terms;
        this.sections = sections;
        this.conflicts = conflicts;
    }

    @Override
    public List<HomeCard> cards(CredoUser user) {
        var cards = new ArrayList<HomeCard>();
        if (user.hasRole(Role.REGISTRAR)) {
            cards.add(registrar(user));
        }
        if (user.hasRole(Role.INSTRUCTOR)) {
            var mine = sections.taughtBy(user.organizationId(), user.personId()).stream()
                    .filter(s -> s.status() != SectionStatus.CANCELLED)
                    .toList();
            cards.add(new HomeCard(
                    Role.INSTRUCTOR,
                    "Your sections",
                    List.of(new Figure("sections you teach", mine.size(), "/teach/sections")),
                    mine.stream()
                            .limit(NEXT)
                            .map(s -> new Entry(
                                    s.label() + " · " + s.courseTitle(),
                                    s.termCode() + ", " + s.status().label(),
                                    "/teach/sections"))
                            .toList(),
                    "You teach no sections yet.",
                    List.of(new Link("My sections", "/teach/sections")),
                    10));
        }
        return cards;
    }

    private HomeCard registrar(CredoUser user) {
        var org = user.organizationId();
        var current = terms.current(org, LocalDate.now(user.zone()));
        if (current.isEmpty()) {
            return new HomeCard(
                    Role.REGISTRAR,
                    "Scheduling",
                    List.of(),
                    List.of(),
                    "No current or coming term. Create a term to schedule its sections.",
                    List.of(new Link("New term", "/manage/scheduling/terms/new")),
                    15);
        }
        var term = current.get();
        var found = conflicts.ofTerm(org, term.id());
        var conflicted = new LinkedHashSet<java.util.UUID>();
        found.forEach(c -> conflicted.add(c.sectionId()));
        var planned = sections.ofTerm(org, term.id()).stream()
                .filter(s -> s.status() == SectionStatus.PLANNED)
                .toList();
        var next = new ArrayList<Entry>();
        found.stream()
                .limit(NEXT)
                .forEach(c -> next.add(new Entry(
                        c.kind().label() + " · " + c.sectionLabel(),
                        c.message(),
                        "/manage/scheduling/sections/" + c.sectionId())));
        planned.stream()
                .limit(Math.max(0, NEXT - next.size()))
                .forEach(s -> next.add(new Entry(
                        s.label() + " · " + s.courseTitle(),
                        "planned, not yet open",
                        "/manage/scheduling/sections/" + s.id())));
        var base = "/manage/scheduling/terms/" + term.id();
        return new HomeCard(
                Role.REGISTRAR,
                "Scheduling " + term.label(),
                List.of(
                        new Figure("open conflicts", found.size(), base + "/conflicts"),
                        new Figure("sections with conflicts", conflicted.size(), base + "/conflicts"),
                        new Figure("planned, not yet open", planned.size(), base)),
                next,
                "No conflicts and every section is open.",
                List.of(new Link("Term " + term.code(), base), new Link("Conflict report", base + "/conflicts")),
                15);
    }
}
