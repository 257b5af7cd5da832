package org.credo.admissions.web;

import java.util.ArrayList;
import java.util.List;
import org.credo.admissions.decision.Decisions;
import org.credo.admissions.review.Reads;
import org.credo.platform.CredoUser;
import org.credo.platform.HomeCard;
import org.credo.platform.HomeCard.Entry;
import org.credo.platform.HomeCard.Figure;
import org.credo.platform.HomeCard.Link;
import org.credo.platform.HomeCards;
import org.credo.platform.Role;
import org.springframework.stereotype.Component;

/** The admissions officer's cards: their reader queue, and the decisions held for release. */
@Component
class ReviewHomeCards implements HomeCards {

    private final Reads reads;
    private final Decisions decisions;

    ReviewHomeCards(Reads reads, Decisions decisions) {
        this.reads = reads;
        this.decisions = decisions;
    }

    @Override
    public List<HomeCard> cards(CredoUser user) {
        if (!user.hasRole(Role.ADMISSIONS_OFFICER)) {
            return List.of();
        }
        var org = user.organizationId();
        var open = reads.queue(org, user.personId()).stream()
                .filter(Reads.Read::open)
                .toList();
        var next = new ArrayList<Entry>();
        open.stream()
                .limit(5)
                .forEach(r -> next.add(new Entry(
                        r.number() + " · " + r.applicantName(),
                        r.programCode(),
                        "/manage/admissions/reviews/" + r.id())));
        var queue = new HomeCard(
                Role.ADMISSIONS_OFFICER,
                "Your reading queue",
                List.of(
                        new Figure("to read", open.size(), "/manage/admissions/reviews"),
                        new Figure("waiting for a reader", reads.waitingCount(org), "/manage/admissions/reviews")),
                next,
                "Nothing to read.",
                List.of(
                        new Link("My reads", "/manage/admissions/reviews"),
                        new Link("Committee", "/manage/admissions/committee")),
                20);
        var held = decisions.held(org);
        long total = held.stream().mapToLong(Decisions.HeldCount::total).sum();
        var release = new HomeCard(
                Role.ADMISSIONS_OFFICER,
                "Decisions to release",
                List.of(new Figure("held", total, "/manage/admissions/releases")),
                held.stream()
                        .limit(5)
                        .map(h -> new Entry(h.cycleName(), h.total() + " held", "/manage/admissions/releases"))
                        .toList(),
                "No decision waits for release.",
                List.of(new Link("Releases", "/manage/admissions/releases")),
                21);
        return List.of(queue, release);
    }
}
