package org.credo.scheduling.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.credo.scheduling.PartDates;
import org.credo.scheduling.PartOfTerm;
import org.credo.scheduling.term.Term;
import org.credo.scheduling.term.TermDraft;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The term form: code, name, dates, and a row of dates for each part of term the registrar includes. */
public class TermForm {

    /** The dates of a part of term, by field name, with the label the form shows. */
    public static final java.util.Map<String, String> PART_FIELDS;

    static {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("classesStart", "Classes start");
        fields.put("classesEnd", "Classes end");
        fields.put("lastAdd", "Last day to add");
        fields.put("lastDrop", "Last day to drop (refund)");
        fields.put("lastWithdraw", "Last day to withdraw (W)");
        fields.put("census", "Census date");
        fields.put("gradesDue", "Final grades due");
        PART_FIELDS = java.util.Collections.unmodifiableMap(fields);
    }

    private @Nullable String code;
    private @Nullable String name;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startsOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endsOn;

    private List<PartForm> parts = new ArrayList<>();

    /** A form with an empty row for each part of term, none ticked. */
    public TermForm() {
        for (var p : PartOfTerm.values()) {
            var row = new PartForm();
            row.setPart(p);
            parts.add(row);
        }
    }

    static TermForm of(Term term) {
        var form = new TermForm();
        form.code = term.code();
        form.name = term.name();
        form.startsOn = term.startsOn();
        form.endsOn = term.endsOn();
        for (var row : form.parts) {
            var dates = term.part(row.getPart());
            row.setIncluded(dates.isPresent());
            dates.ifPresent(row::fill);
        }
        return form;
    }

    /** The draft of the ticked parts, and for each the index of its row in this form. */
    TermDraft draft(List<Integer> rows) {
        var drafts = new ArrayList<TermDraft.PartDraft>();
        for (int i = 0; i < parts.size(); i++) {
            var p = parts.get(i);
            if (p.isIncluded()) {
                rows.add(i);
                drafts.add(new TermDraft.PartDraft(
                        p.getPart(),
                        p.getClassesStart(),
                        p.getClassesEnd(),
                        p.getLastAdd(),
                        p.getLastDrop(),
                        p.getLastWithdraw(),
                        p.getCensus(),
                        p.getGradesDue()));
            }
        }
        return new TermDraft(code, name, startsOn, endsOn, drafts);
    }

    public @Nullable String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(@Nullable LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public @Nullable LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(@Nullable LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public List<PartForm> getParts() {
        return parts;
    }

    public void setParts(List<PartForm> parts) {
        this.parts = parts;
    }

    /** One row of the form: a part of term and its dates. */
    public static class PartForm {
        private @Nullable PartOfTerm part;
        private boolean included;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate classesStart;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate classesEnd;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate lastAdd;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate lastDrop;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate lastWithdraw;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate census;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate gradesDue;

        void fill(PartDates d) {
            classesStart = d.classesStart();
            classesEnd = d.classesEnd();
            lastAdd = d.lastAdd();
            lastDrop = d.lastDrop();
            lastWithdraw = d.lastWithdraw();
            census = d.census();
            gradesDue = d.gradesDue();
        }

        public @Nullable PartOfTerm getPart() {
            return part;
        }

        public void setPart(@Nullable PartOfTerm part) {
            this.part = part;
        }

        public boolean isIncluded() {
            return included;
        }

        public void setIncluded(boolean included) {
            this.included = included;
        }

        public @Nullable LocalDate getClassesStart() {
            return classesStart;
        }

        public void setClassesStart(@Nullable LocalDate classesStart) {
            this.classesStart = classesStart;
        }

        public @Nullable LocalDate getClassesEnd() {
            return classesEnd;
        }

        public void setClassesEnd(@Nullable LocalDate classesEnd) {
            this.classesEnd = classesEnd;
        }

        public @Nullable LocalDate getLastAdd() {
            return lastAdd;
        }

        public void setLastAdd(@Nullable LocalDate lastAdd) {
            this.lastAdd = lastAdd;
        }

        public @Nullable LocalDate getLastDrop() {
            return lastDrop;
        }

        public void setLastDrop(@Nullable LocalDate lastDrop) {
            this.lastDrop = lastDrop;
        }

        public @Nullable LocalDate getLastWithdraw() {
            return lastWithdraw;
        }

        public void setLastWithdraw(@Nullable LocalDate lastWithdraw) {
            this.lastWithdraw = lastWithdraw;
        }

        public @Nullable LocalDate getCensus() {
            return census;
        }

        public void setCensus(@Nullable LocalDate census) {
            this.census = census;
        }

        public @Nullable LocalDate getGradesDue() {
            return gradesDue;
        }

        public void setGradesDue(@Nullable LocalDate gradesDue) {
            this.gradesDue = gradesDue;
        }
    }
}
