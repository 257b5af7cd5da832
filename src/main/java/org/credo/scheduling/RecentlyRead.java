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

    private void forgetSection(UUID organizationId, UUID sectionId) {
        sections.invalidate(new Key(organizationId, sectionId));
    }

    private void forgetTerm(UUID organizationId, UUID termId) {
        terms.invalidate(new Key(organizationId, termId));
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(SectionSaved e) {
        forgetSection(e.stamp().organizationId(), e.sectionId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void after(SectionSaved e) {
        forgetSection(e.stamp().organizationId(), e.sectionId());
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(SectionMeetingsChanged e) {
        forgetSection(e.stamp().organizationId(), e.sectionId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void after(SectionMeetingsChanged e) {
        forgetSection(e.stamp().organizationId(), e.sectionId());
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(SectionStatusChanged e) {
        forgetSection(e.stamp().organizationId(), e.sectionId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void after(SectionStatusChanged e) {
        forgetSection(e.stamp().organizationId(), e.sectionId());
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(SectionCancelled e) {
        forgetSection(e.stamp().organizationId(), e.sectionId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void after(SectionCancelled e) {
        forgetSection(e.stamp().organizationId(), e.sectionId());
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(TermSaved e) {
        forgetTerm(e.stamp().organizationId(), e.termId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void after(TermSaved e) {
        forgetTerm(e.stamp().organizationId(), e.termId());
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(HolidayChanged e) {
        forgetTerm(e.stamp().organizationId(), e.termId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void after(HolidayChanged e) {
        forgetTerm(e.stamp().organizationId(), e.termId());
    }
}
