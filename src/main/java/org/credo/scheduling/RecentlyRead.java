package org.credo.scheduling;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.credo.scheduling.term.Term;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sections and terms read in the last two seconds (ADR 0057), for the registration rush, where every add reads the
 * section, the learner's other sections and the term's dates. A change made on this node forgets the entry when it
 * is made and again when it commits (so a read between the two cannot keep the old one); a change on another node is
 * seen within two seconds. Nothing that must be exact is decided from these: seats are counted on registration's
 * own row, under its lock.
 */
@Component
class RecentlyRead {

    private static final Duration KEPT = Duration.ofSeconds(2);

    private record Key(UUID organizationId, UUID id) {}

    private final Cache<Key, Optional<SectionRecord>> sections =
            Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(KEPT).build();
    private final Cache<Key, Optional<Term>> terms =
            Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(KEPT).build();

    Optional<SectionRecord> section(UUID organizationId, UUID sectionId, Supplier<Optional<SectionRecord>> load) {
        return sections.get(new Key(organizationId, sectionId), k -> load.get());
    }

    Optional<Term> term(UUID organizationId, UUID termId, Supplier<Optional<Term>> load) {
        return terms.get(new Key(organizationId, termId), k -> load.get());
    }

    /** Forgets what the change is about: first of all listeners when it is published. */
    @EventListener({
        SectionSaved.class,
        SectionMeetingsChanged.class,
        SectionStatusChanged.class,
        SectionCancelled.class,
        TermSaved.class,
        HolidayChanged.class
    })
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(Object change) {
        forget(change);
    }

    /** Forgets it again once the changing transaction completed, so no read in between keeps the old row. */
    @TransactionalEventListener(
            phase = TransactionPhase.AFTER_COMPLETION,
            classes = {
                SectionSaved.class,
                SectionMeetingsChanged.class,
                SectionStatusChanged.class,
                SectionCancelled.class,
                TermSaved.class,
                HolidayChanged.class
            })
    void after(Object change) {
        forget(change);
    }

    private void forget(Object change) {
        if (change instanceof SectionSaved e) {
            forgetSection(e.stamp().organizationId(), e.sectionId());
        } else if (change instanceof SectionMeetingsChanged e) {
            forgetSection(e.stamp().organizationId(), e.sectionId());
        } else if (change instanceof SectionStatusChanged e) {
            forgetSection(e.stamp().organizationId(), e.sectionId());
        } else if (change instanceof SectionCancelled e) {
            forgetSection(e.stamp().organizationId(), e.sectionId());
        } else if (change instanceof TermSaved e) {
            terms.invalidate(new Key(e.stamp().organizationId(), e.termId()));
        } else if (change instanceof HolidayChanged e) {
            terms.invalidate(new Key(e.stamp().organizationId(), e.termId()));
        }
    }

    private void forgetSection(UUID organizationId, UUID sectionId) {
        sections.invalidate(new Key(organizationId, sectionId));
    }
}
