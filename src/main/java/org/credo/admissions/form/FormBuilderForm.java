package org.credo.admissions.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The form builder's rows, one per question, as typed: options one per line, accepted types comma-separated. */
public class FormBuilderForm {

    private List<Row> fields = new ArrayList<>();

    /** One question as typed. */
    public static class Row {
        private String key = "";
        private String label = "";
        private FieldType type = FieldType.TEXT;
        private boolean required;
        private String help = "";
        private String options = "";
        private String showIfField = "";
        private String showIfEquals = "";
        private String accept = "";
        private @Nullable Integer maxMb;

        static Row of(FormField f) {
            var row = new Row();
            row.key = f.key();
            row.label = f.label();
            row.type = f.type();
            row.required = f.required();
            row.help = f.help() == null ? "" : f.help();
            row.options = String.join("\n", f.choices());
            row.showIfField = f.showIf() == null ? "" : f.showIf().field();
            row.showIfEquals = f.showIf() == null ? "" : f.showIf().answer();
            row.accept = String.join(", ", f.acceptedTypes());
            row.maxMb = f.maxBytes() == null ? null : (int) Math.max(1, f.maxBytes() / (1024 * 1024));
            return row;
        }

        FormField field() {
            var opts = type == FieldType.CHOICE
                    ? Arrays.stream(options.split("\\R"))
                            .map(String::strip)
                            .filter(o -> !o.isEmpty())
                            .toList()
                    : null;
            var types = type == FieldType.FILE && !accept.isBlank()
                    ? Arrays.stream(accept.split(","))
                            .map(String::strip)
                            .filter(a -> !a.isEmpty())
                            .toList()
                    : null;
            return new FormField(
                    key.strip(),
                    label.strip(),
                    type,
                    required,
                    help.isBlank() ? null : help.strip(),
                    opts,
                    showIfField.isBlank() ? null : new FormField.ShowIf(showIfField.strip(), showIfEquals.strip()),
                    types,
                    type == FieldType.FILE && maxMb != null ? maxMb * 1024L * 1024L : null);
        }

        public String getKey() {
            return key;
        }

        public void setKey(@Nullable String key) {
            this.key = key == null ? "" : key;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(@Nullable String label) {
            this.label = label == null ? "" : label;
        }

        public FieldType getType() {
            return type;
        }

        public void setType(@Nullable FieldType type) {
            this.type = type == null ? FieldType.TEXT : type;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public String getHelp() {
            return help;
        }

        public void setHelp(@Nullable String help) {
            this.help = help == null ? "" : help;
        }

        public String getOptions() {
            return options;
        }

        public void setOptions(@Nullable String options) {
            this.options = options == null ? "" : options;
        }

        public String getShowIfField() {
            return showIfField;
        }

        public void setShowIfField(@Nullable String showIfField) {
            this.showIfField = showIfField == null ? "" : showIfField;
        }

        public String getShowIfEquals() {
            return showIfEquals;
        }

        public void setShowIfEquals(@Nullable String showIfEquals) {
            this.showIfEquals = showIfEquals == null ? "" : showIfEquals;
        }

        public String getAccept() {
            return accept;
        }

        public void setAccept(@Nullable String accept) {
            this.accept = accept == null ? "" : accept;
        }

        public @Nullable Integer getMaxMb() {
            return maxMb;
        }

        public void setMaxMb(@Nullable Integer maxMb) {
            this.maxMb = maxMb;
        }
    }

    static FormBuilderForm of(FormDefinition definition) {
        var form = new FormBuilderForm();
        definition.fields().forEach(f -> form.fields.add(Row.of(f)));
        return form;
    }

    FormDefinition definition() {
        return new FormDefinition(fields.stream().map(Row::field).toList());
    }

    public List<Row> getFields() {
        return fields;
    }

    public void setFields(List<Row> fields) {
        this.fields = fields;
    }
}
