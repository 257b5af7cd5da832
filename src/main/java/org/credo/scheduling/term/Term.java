package org.credo.scheduling.term;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.scheduling.PartDates;
import org.credo.scheduling.PartOfTerm;

/** A term of an organization: its code and name, its dates, the parts sections run in, and its holidays. */
public record Term(
        UUID id,
        String code,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        List<PartDates> parts,
        List<Holiday> holidays) {

    /** A day in the term when no class meets. */
    public record Holiday(UUID id, LocalDate day, String name) {}

    /** The dates of one part of the term, when the term has it. */
    public Optional<PartDates> part(PartOfTerm part) {
        return parts.stream().filter(p -> p.part() == part).findFirst();
    }

    /** Whether the day is one of the term's holidays. */
    public boolean isHoliday(LocalDate day) {
        return holidays.stream().anyMatch(h -> h.day().equals(day));
    }

    /** What people call the term: 'SP27 · Spring 2027'. */
    public String label() {
        return code + " · " + name;
    }
}
