package org.credo.learners.duplicates;

import java.util.ArrayList;
import java.util.List;
import org.credo.platform.CredoUser;
import org.credo.platform.HomeCard;
import org.credo.platform.HomeCard.Entry;
import org.credo.platform.HomeCard.Figure;
import org.credo.platform.HomeCard.Link;
import org.credo.platform.HomeCards;
import org.credo.platform.PageQuery;
import org.credo.platform.Role;
import org.springframework.stereotype.Component;

/** The possible duplicates waiting for the registrar or the admissions office, surest first. */
@Component
class DuplicatesHomeCards implements HomeCards {

    private static final int NEXT = 3;

    private final DuplicatePairs pairs;

    DuplicatesHomeCards(DuplicatePairs pairs) {
        this.pairs = pairs;
    }

    @Override
    public List<HomeCard> cards(CredoUser user) {
        var role = user.hasRole(Role.REGISTRAR)
                ? Role.REGISTRAR
                : user.hasRole(Role.ADMISSIONS_OFFICER) ? Role.ADMISSIONS_OFFICER : null;
        if (role == null) {
            return List.of();
        }
        var page = pairs.page(user.organizationId(), PageQuery.of(0, NEXT, null, DuplicatePairs.SORTABLE, false));
        var next = new ArrayList<Entry>();
        for (var p : page.items()) {
            next.add(new Entry(
                    p.first().name() + " · " + p.first().number() + " and "
                            + p.second().number(),
                    p.rule().label(),
                    "/manage/learners/" + p.first().learnerId() + "/merge/"
                            + p.second().learnerId()));
        }
        return List.of(new HomeCard(
                role,
                "Possible duplicates",
                List.of(new Figure("pairs to compare", page.totalItems(), "/manage/learners/duplicates")),
                next,
                "No possible duplicates wait for a decision.",
                List.of(new Link("Possible duplicates", "/manage/learners/duplicates")),
                22));
    }
}
