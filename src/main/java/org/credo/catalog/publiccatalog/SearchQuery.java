package org.credo.catalog.publiccatalog;

import org.jspecify.annotations.Nullable;

/**
 * What a visitor looks for in the catalog: words, and optional filters. Blank values mean "any".
 *
 * @param kind PROGRAM or COURSE
 * @param programType one of the program types of the catalog schema (DEGREE, CERTIFICATE, ...)
 * @param deliveryMode IN_PERSON, ONLINE or HYBRID
 * @param subject a course subject such as CS
 */
public record SearchQuery(
        @Nullable String text,
        @Nullable String kind,
        @Nullable String programType,
        @Nullable String level,
        @Nullable String deliveryMode,
        @Nullable String subject) {

    static SearchQuery words(String text) {
        return new SearchQuery(text, null, null, null, null, null);
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    SearchQuery normalized() {
        return new SearchQuery(
                blankToNull(text),
                blankToNull(kind) == null ? null : kind.trim().toUpperCase(java.util.Locale.ROOT),
                blankToNull(programType),
                blankToNull(level),
                blankToNull(deliveryMode),
                blankToNull(subject) == null ? null : subject.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public boolean filtered() {
        return kind != null || programType != null || level != null || deliveryMode != null || subject != null;
    }
}
