package org.credo.admissions.form;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One question of an application form, in the JSON shape documented in V33__admissions.sql.
 *
 * @param options the choices of a CHOICE field
 * @param showIf shown only when an earlier field's answer equals a value
 * @param accept the MIME types a FILE field takes (sniffed from the content)
 * @param maxBytes the largest file a FILE field takes
 */
public record FormField(
        String key,
        String label,
        FieldType type,
        boolean required,
        @Nullable String help,
        @Nullable List<String> options,
        @Nullable ShowIf showIf,
        @Nullable List<String> accept,
        @Nullable Long maxBytes) {

    /** The condition of a conditional field. */
    public record ShowIf(String field, String equals) {

        /** The answer that shows the field (the {@code equals} of the JSON, by a name templates can call). */
        public String answer() {
            return equals;
        }
    }

    /** The choices, never null. */
    public List<String> choices() {
        return options == null ? List.of() : options;
    }

    /** The accepted types, never null (empty: the documents module's default). */
    public List<String> acceptedTypes() {
        return accept == null ? List.of() : accept;
    }
}
