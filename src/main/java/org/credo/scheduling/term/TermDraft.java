package org.credo.scheduling.term;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.credo.platform.ProblemException;
import org.credo.scheduling.PartDates;
import org.credo.scheduling.PartOfTerm;
import org.jspecify.annotations.Nullable;

/**
 * A term as typed in a form or an API body, any date possibly missing. {@link #check()} turns it into checked dates
 * or names the first field that is wrong, as {@code code}, {@code endsOn} or {@code parts[1].lastDrop}.
 */
public record TermDraft(
        @Nullable String code,
        @Nullable String name,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn,
        List<PartDraft> parts) {

    public TermDraft {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** One part of the term as typed. */
    public record PartDraft(
            @Nullable PartOfTerm part,
            @Nullable LocalDate classesStart,
            @Nullable LocalDate classesEnd,
            @Nullable LocalDate lastAdd,
            @Nullable LocalDate lastDrop,
            @Nullable LocalDate lastWithdraw,
            @Nullable LocalDate census,
            @Nullable LocalDate gradesDue) {}

    /** The checked term: code, name, dates and parts in order. */
    public record Checked(String code, String name, LocalDate startsOn, LocalDate endsOn, List<PartDates> parts) {}

    /** Checks the dates are there and in order, and each part lies within the term. */
    public Checked check() {
        var c = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[A-Z0-9][A-Z0-9-]{0,19}")) {
            throw ProblemException.invalidField(
                    "code", "give the term a short code of letters, digits and dashes, such as SP27.");
        }
        var n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            throw ProblemException.invalidField("name", "name the term, such as Spring 2027 (up to 100 characters).");
        }
        var start = required(startsOn, "startsOn", "give the first day of the term.");
        var end = required(endsOn, "endsOn", "give the last day of the term.");
        if (end.isBefore(start)) {
            throw ProblemException.invalidField(
                    "endsOn", "the term must end on or after its first day, " + start + ".");
        }
        if (parts.isEmpty()) {
            throw ProblemException.invalidField("parts", "give the dates of at least one part of the term.");
        }
        var seen = EnumSet.noneOf(PartOfTerm.class);
        var checked = new ArrayList<PartDates>();
        for (int i = 0; i < parts.size(); i++) {
            var p = parts.get(i);
            var f = "parts[" + i + "].";
            if (p.part() == null) {
                throw ProblemException.invalidField(f + "part", "choose full term, first half or second half.");
            }
            if (!seen.add(p.part())) {
                throw ProblemException.invalidField(f + "part", p.part().label() + " is given twice.");
            }
            var what = p.part().label().toLowerCase(java.util.Locale.ROOT) + ": ";
            var from = required(p.classesStart(), f + "classesStart", what + "give the first day of classes.");
            var to = required(p.classesEnd(), f + "classesEnd", what + "give the last day of classes.");
            var add = required(p.lastAdd(), f + "lastAdd", what + "give the last day to add a class.");
            var drop = required(p.lastDrop(), f + "lastDrop", what + "give the last day to drop with a refund.");
            var withdraw =
                    required(p.lastWithdraw(), f + "lastWithdraw", what + "give the last day to withdraw with a W.");
            var census = required(p.census(), f + "census", what + "give the census date.");
            var grades = required(p.gradesDue(), f + "gradesDue", what + "give the day final grades are due.");
            if (from.isBefore(start) || from.isAfter(end)) {
                throw ProblemException.invalidField(
                        f + "classesStart",
                        what + "classes must start within the term (" + start + " to " + end + ").");
            }
            if (to.isBefore(from) || to.isAfter(end)) {
                throw ProblemException.invalidField(
                        f + "classesEnd",
                        what + "classes must end after they start (" + from + ") and by the end of the term (" + end
                                + ").");
            }
            if (add.isBefore(from.minusDays(120)) || add.isAfter(to)) {
                throw ProblemException.invalidField(f + "lastAdd", what + "the last day to add must be by " + to + ".");
            }
            if (drop.isBefore(add) || drop.isAfter(to)) {
                throw ProblemException.invalidField(
                        f + "lastDrop",
                        what + "the last day to drop must be between the last day to add (" + add
                                + ") and the end of classes (" + to + ").");
            }
            if (withdraw.isBefore(drop) || withdraw.isAfter(to)) {
                throw ProblemException.invalidField(
                        f + "lastWithdraw",
                        what + "the last day to withdraw must be between the last day to drop (" + drop
                                + ") and the end of classes (" + to + ").");
            }
            if (census.isBefore(from) || census.isAfter(to)) {
                throw ProblemException.invalidField(
                        f + "census", what + "the census date must fall during classes (" + from + " to " + to + ").");
            }
            if (grades.isBefore(to)) {
                throw ProblemException.invalidField(
                        f + "gradesDue", what + "final grades can only be due after classes end (" + to + ").");
            }
            checked.add(new PartDates(p.part(), from, to, add, drop, withdraw, census, grades));
        }
        checked.sort(java.util.Comparator.comparing(PartDates::part));
        return new Checked(c, n, start, end, checked);
    }

    private static LocalDate required(@Nullable LocalDate date, String field, String message) {
        if (date == null) {
            throw ProblemException.invalidField(field, message);
        }
        return date;
    }
}
