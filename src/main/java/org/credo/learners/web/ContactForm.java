package org.credo.learners.web;

import java.time.LocalDate;
import org.credo.learners.record.Contact;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** An email, phone or address as typed on a learner record's contact subform. */
public class ContactForm {

    static final java.util.List<String> FIELDS = java.util.List.of("kind", "type", "value", "validFrom", "validTo");

    private Contact.Kind kind = Contact.Kind.EMAIL;

    private String type = "HOME";

    private String value = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate validFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate validTo;

    public Contact.Kind getKind() {
        return kind;
    }

    public void setKind(Contact.@Nullable Kind kind) {
        this.kind = kind == null ? Contact.Kind.EMAIL : kind;
    }

    public String getType() {
        return type;
    }

    public void setType(@Nullable String type) {
        this.type = type == null ? "" : type;
    }

    public String getValue() {
        return value;
    }

    public void setValue(@Nullable String value) {
        this.value = value == null ? "" : value;
    }

    public @Nullable LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(@Nullable LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public @Nullable LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(@Nullable LocalDate validTo) {
        this.validTo = validTo;
    }
}
