package org.credo.catalog.publiccatalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The current published version of a course, as the catalog shows it. */
public record PublishedCourse(
        UUID courseId,
        UUID versionId,
        UUID organizationId,
        String subject,
        String number,
        int version,
        LocalDate effectiveFrom,
        Instant publishedAt,
        String title,
        BigDecimal credits,
        String description,
        String outcomesText,
        @Nullable String prerequisites,
        @Nullable String corequisites,
        boolean retired) {

    /** The course code, e.g. "CS 101". */
    public String code() {
        return subject + " " + number;
    }

    /** The learning outcomes, one per line of the stored text, without list markers. */
    public java.util.List<String> outcomes() {
        return Lines.of(outcomesText);
    }

    /** Credits without trailing zeros. */
    public String creditsText() {
        return credits.stripTrailingZeros().toPlainString();
    }
}
