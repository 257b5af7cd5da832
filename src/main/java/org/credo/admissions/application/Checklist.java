package org.credo.admissions.application;

import java.util.List;
import java.util.Map;
import org.credo.admissions.form.FieldType;
import org.credo.admissions.form.FormDefinition;

/**
 * What an application still needs before it can be submitted: every required question shown for the answers so far,
 * with whether it is answered.
 */
public record Checklist(List<Item> items) {

    /** One required question; {@code done} when it has an answer (a document for a file). */
    public record Item(String key, String label, boolean file, boolean done) {}

    /** The checklist of a form for these answers (a file answer is the document's id). */
    public static Checklist of(FormDefinition form, Map<String, String> answers) {
        return new Checklist(form.visibleFields(answers).stream()
                .filter(f -> f.required())
                .map(f -> new Item(
                        f.key(),
                        f.label(),
                        f.type() == FieldType.FILE,
                        answers.get(f.key()) != null && !answers.get(f.key()).isBlank()))
                .toList());
    }

    public long done() {
        return items.stream().filter(Item::done).count();
    }

    public int total() {
        return items.size();
    }

    public boolean complete() {
        return done() == total();
    }

    public List<Item> missing() {
        return items.stream().filter(i -> !i.done()).toList();
    }

    /** Done as a whole percentage, 100 for a form with nothing required. */
    public int percent() {
        return total() == 0 ? 100 : (int) (done() * 100 / total());
    }
}
