package org.credo.learners.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.credo.learners.LearnerStatus;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.LearnerRecords;
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
 * The learners module's cards: learner counts by status and recent records for the registrar, admissions and
 * advisors; active holds for the offices that own them; the learner's own record and holds.
 */
@Component
class LearnersHomeCards implements HomeCards {

    private static final int NEXT = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final LearnerRecords records;
    private final LearnerHolds holds;

    LearnersHomeCards(LearnerRecords records, LearnerHolds holds) {
        this.records = records;
        this.holds = holds;
    }

    @Override
    public List<HomeCard> cards(CredoUser user) {
        var cards = new ArrayList<HomeCard>();
        if (user.hasRole(Role.REGISTRAR)) {
            cards.add(records(
                    user,
                    Role.REGISTRAR,
                    List.of(LearnerStatus.ACTIVE, LearnerStatus.ON_LEAVE, LearnerStatus.ADMITTED)));
        }
        if (user.hasRole(Role.ADMISSIONS_OFFICER)) {
            cards.add(records(
                    user,
                    Role.ADMISSIONS_OFFICER,
                    List.of(LearnerStatus.PROSPECT, LearnerStatus.APPLICANT, LearnerStatus.ADMITTED)));
        }
        if (user.hasRole(Role.ADVISOR)) {
            cards.add(records(user, Role.ADVISOR, List.of(LearnerStatus.ACTIVE, LearnerStatus.ON_LEAVE)));
        }
        for (var office : List.of(Role.REGISTRAR, Role.ADMISSIONS_OFFICER, Role.ADVISOR, Role.BURSAR)) {
            if (user.hasRole(office)) {
                cards.add(holds(user, office));
            }
        }
        if (user.hasRole(Role.LEARNER)) {
            learner(user).ifPresent(cards::add);
        }
        return cards;
    }

    private HomeCard records(CredoUser user, Role role, List<LearnerStatus> statuses) {
        var org = user.organizationId();
        var counts = records.countByStatus(org);
        var figures = statuses.stream()
                .map(s -> new Figure(
                        s.label().toLowerCase(Locale.ROOT), counts.get(s), "/manage/learners?status=" + s.name()))
                .toList();
        var recent = records.page(
                org, null, null, null, PageQuery.of(0, NEXT, "updated,desc", LearnerRecords.SORTABLE, false));
        var links = new ArrayList<Link>();
        links.add(new Link("All learners", "/manage/learners"));
        if (role != Role.ADVISOR) {
            links.add(new Link("New learner", "/manage/learners/new"));
        }
        return new HomeCard(
                role,
                "Learner records",
                figures,
                recent.items().stream()
                        .map(l -> new Entry(
                                l.name() + " · " + l.number(),
                                l.status().label() + ", updated "
                                        + DAY.format(l.updatedAt().atZone(user.zone())),
                                "/manage/learners/" + l.id()))
                        .toList(),
                "No learner records yet.",
                links,
                20);
    }

    private HomeCard holds(CredoUser user, Role office) {
        var org = user.organizationId();
        var mine = holds.active(org, office, NEXT);
        boolean readsRecords = office != Role.BURSAR;
        return new HomeCard(
                office,
                "Holds your office owns",
                List.of(
                        new Figure("active, your office", holds.countActive(org, office), "/manage/holds"),
                        new Figure("active in all", holds.countActive(org, null), "/manage/holds")),
                mine.stream()
                        .map(h -> new Entry(
                                h.typeName() + " · " + h.learnerName() + " · " + h.learnerNumber(),
                                "since " + DAY.format(h.placedAt().atZone(user.zone())),
                                readsRecords ? "/manage/learners/" + h.learnerId() : "/manage/holds"))
                        .toList(),
                "Your office has no active holds.",
                List.of(new Link("Holds", "/manage/holds")),
                30);
    }

    private java.util.Optional<HomeCard> learner(CredoUser user) {
        return records.ofPerson(user.organizationId(), user.personId()).map(l -> {
            var active = holds.of(user.organizationId(), l.id()).stream()
                    .filter(h -> h.active())
                    .toList();
            return new HomeCard(
                    Role.LEARNER,
                    "Your record",
                    List.of(new Figure("holds on your record", active.size(), "/me/record")),
                    active.stream()
                            .map(h -> new Entry(h.typeName(), h.instructions(), "/me/record"))
                            .toList(),
                    "Learner number " + l.number() + " · " + l.status().label() + ". No holds.",
                    List.of(new Link("My record", "/me/record")),
                    5);
        });
    }
}
