package org.credo.admissions.application;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.cycle.Cycles;
import org.credo.platform.CredoUser;
import org.credo.platform.HomeCard;
import org.credo.platform.HomeCard.Entry;
import org.credo.platform.HomeCard.Figure;
import org.credo.platform.HomeCard.Link;
import org.credo.platform.HomeCards;
import org.credo.platform.PageQuery;
import org.credo.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Admissions cards: applications by stage and the latest submitted ones for the office; the applicant's own
 * applications with what each still needs, and the cycles open to them.
 */
@Component
class AdmissionsHomeCards implements HomeCards {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Applications applications;
    private final Cycles cycles;

    AdmissionsHomeCards(Applications applications, Cycles cycles) {
        this.applications = applications;
        this.cycles = cycles;
    }

    @Override
    public List<HomeCard> cards(CredoUser user) {
        var cards = new ArrayList<HomeCard>();
        if (user.hasRole(Role.ADMISSIONS_OFFICER)) {
            cards.add(office(user, Role.ADMISSIONS_OFFICER));
        }
        if (user.hasRole(Role.APPLICANT)) {
            cards.add(applicant(user));
        }
        return cards;
    }

    private HomeCard office(CredoUser user, Role role) {
        var org = user.organizationId();
        var counts = applications.countByStatus(org);
        var figures = new ArrayList<Figure>();
        for (var s : List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW, ApplicationStatus.DRAFT)) {
            figures.add(new Figure(
                    s.label().toLowerCase(Locale.ROOT),
                    counts.get(s),
                    "/manage/admissions/applications?status=" + s.name()));
        }
        figures.add(new Figure(
                "cycles open now",
                cycles.takingApplications(org, Instant.now()).size(),
                "/manage/admissions/cycles?status=OPEN"));
        var latest = applications.page(
                org,
                null,
                null,
                null,
                ApplicationStatus.SUBMITTED,
                PageQuery.of(0, 5, "submitted,desc", Applications.SORTABLE, false));
        return new HomeCard(
                role,
                "Applications",
                figures,
                latest.items().stream()
                        .map(a -> new Entry(
                                a.applicantName() + " · " + a.number(),
                                a.programCode() + ", submitted "
                                        + (a.submittedAt() == null
                                                ? ""
                                                : DAY.format(a.submittedAt().atZone(user.zone()))),
                                "/manage/admissions/applications/" + a.id()))
                        .toList(),
                "No submitted applications wait for review.",
                List.of(
                        new Link("Applications", "/manage/admissions/applications"),
                        new Link("Cycles", "/manage/admissions/cycles"),
                        new Link("Import", "/manage/admissions/applications/import")),
                10);
    }

    private HomeCard applicant(CredoUser user) {
        var org = user.organizationId();
        var mine = applications.ofPerson(org, user.personId());
        var open = cycles.takingApplications(org, Instant.now());
        var entries = new ArrayList<Entry>();
        for (var a : mine) {
            var detail = a.status().label();
            if (a.status() == ApplicationStatus.DRAFT) {
                var checklist = applications.checklist(a);
                detail += " · " + checklist.done() + " of " + checklist.total() + " required items done";
            }
            entries.add(new Entry(a.programName() + " · " + a.number(), detail, "/apply/applications/" + a.id()));
        }
        long drafts =
                mine.stream().filter(a -> a.status() == ApplicationStatus.DRAFT).count();
        return new HomeCard(
                Role.APPLICANT,
                "Your applications",
                List.of(
                        new Figure("drafts to finish", drafts, "/apply"),
                        new Figure("programs open to apply", open.size(), "/apply")),
                entries,
                "No applications yet. Choose a program open for applications.",
                List.of(new Link("My applications", "/apply")),
                5);
    }
}
