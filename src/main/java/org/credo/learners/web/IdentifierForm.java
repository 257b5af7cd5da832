package org.credo.learners.web;

import org.credo.learners.record.Identifier;
import org.jspecify.annotations.Nullable;

/** Another institution's id or a national id as typed on a learner record's identifier subform. */
public class IdentifierForm {

    static final java.util.List<String> FIELDS = java.util.List.of("kind", "issuer", "value");

    private Identifier.Kind kind = Identifier.Kind.EXTERNAL;

    private String issuer = "";

    private String value = "";

    public Identifier.Kind getKind() {
        return kind;
    }

    public void setKind(Identifier.@Nullable Kind kind) {
        this.kind = kind == null ? Identifier.Kind.EXTERNAL : kind;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(@Nullable String issuer) {
        this.issuer = issuer == null ? "" : issuer;
    }

    public String getValue() {
        return value;
    }

    public void setValue(@Nullable String value) {
        this.value = value == null ? "" : value;
    }
}
