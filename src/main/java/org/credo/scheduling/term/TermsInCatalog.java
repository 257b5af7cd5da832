package org.credo.scheduling.term;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.credo.catalog.TermDirectory;
import org.credo.scheduling.TermSaved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The catalog's intakes refer to scheduled terms: this tells the catalog which terms there are, and, when a term is
 * saved, lets the intakes in it follow its name and dates (in the saving transaction).
 */
@Component
class TermsInCatalog implements TermDirectory {

    private final Terms terms;
    private final Catalog catalog;

    TermsInCatalog(Terms terms, Catalog catalog) {
        this.terms = terms;
        this.catalog = catalog;
    }

    @Override
    public List<TermChoice> terms(UUID organizationId) {
        return terms.all(organizationId).stream()
                .sorted(Comparator.comparing(Term::startsOn))
                .map(t -> new TermChoice(t.id(), t.code(), t.name(), t.startsOn(), t.endsOn()))
                .toList();
    }

    @EventListener
    void on(TermSaved saved) {
        if (!saved.created()) {
            catalog.termChanged(
                    saved.stamp().organizationId(), saved.termId(), saved.name(), saved.startsOn(), saved.endsOn());
        }
    }
}
