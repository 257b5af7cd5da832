package org.credo.learners.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.credo.learners.LearnerStatus;
import org.credo.platform.CsvReader;
import org.jspecify.annotations.Nullable;

/**
 * Checks a people import file row by row, reporting every problem with its row (the file's line, the header being
 * row 1), its column and what to fix; a file is good only when no row has a problem.
 */
final class ImportRows {

    static final List<String> REQUIRED = List.of("given_name", "family_name");
    static final List<String> OPTIONAL = List.of(
            "preferred_name", "date_of_birth", "email", "phone", "program_code", "status", "external_id", "pronouns");
    static final int MAX_ROWS = 5_000;

    /** A row that passed every check, ready to become a learner record. */
    record GoodRow(
            int row,
            String givenName,
            String familyName,
            @Nullable String preferredName,
            @Nullable LocalDate dateOfBirth,
            @Nullable String email,
            @Nullable String phone,
            @Nullable UUID programId,
            @Nullable String programCode,
            LearnerStatus status,
            @Nullable String externalId,
            @Nullable String pronouns) {}

    /** A problem: the row, the column ("" for the whole row or file), and what to fix. */
    record Problem(int row, String column, String message) {}

    /** The outcome of checking a file. */
    record Checked(List<GoodRow> rows, List<Problem> problems) {
        boolean good() {
            return problems.isEmpty() && !rows.isEmpty();
        }
    }

    private ImportRows() {}

    /**
     * Checks a file. {@code programs} finds a current program's id by code; {@code emailTaken} says whether a learner
     * record of the organization already has an address; {@code resembles} names an existing record that a good row may
     * be the same person as by another duplicate rule (name and birth date, similar name and phone), if any.
     */
    static Checked check(
            byte[] bytes,
            Function<String, Optional<UUID>> programs,
            Predicate<String> emailTaken,
            Function<GoodRow, Optional<String>> resembles,
            LocalDate today) {
        List<List<String>> records;
        try {
            records = CsvReader.read(bytes);
        } catch (CsvReader.Unreadable e) {
            var message = e.reason() == CsvReader.Unreadable.Reason.NOT_UTF8
                    ? "The file is not UTF-8 (byte " + (e.byteOffset() + 1)
                            + " is not); save it as \"CSV UTF-8\" and upload it again."
                    : "A quoted cell opened in this row never closes; add the closing \".";
            return new Checked(List.of(), List.of(new Problem(e.record(), "", message)));
        }
        var problems = new ArrayList<Problem>();
        if (records.isEmpty() || (records.size() == 1 && blank(records.get(0)))) {
            problems.add(new Problem(
                    1, "", "The file is empty; the first row names the columns: " + String.join(",", columns()) + "."));
            return new Checked(List.of(), problems);
        }
        var header = records.get(0);
        var index = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                problems.add(new Problem(
                        1, safe(header.get(i)), "Unknown column; use only " + String.join(", ", columns()) + "."));
            } else if (index.putIfAbsent(name, i) != null) {
                problems.add(new Problem(1, name, "This column appears twice; keep one."));
            }
        }
        for (var required : REQUIRED) {
            if (!index.containsKey(required)) {
                problems.add(new Problem(1, required, "This column is missing; add it to the first row."));
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(List.of(), problems);
        }
        if (records.size() - 1 > MAX_ROWS) {
            problems.add(new Problem(
                    1, "", "The file has " + (records.size() - 1) + " rows; import at most " + MAX_ROWS + " at once."));
            return new Checked(List.of(), problems);
        }
        var rows = new ArrayList<GoodRow>();
        var seenEmail = new HashMap<String, Integer>();
        var seenExternal = new HashMap<String, Integer>();
        var seenPerson = new HashMap<String, Integer>();
        for (int r = 1; r < records.size(); r++) {
            var cells = records.get(r);
            int row = r + 1;
            if (blank(cells)) {
                continue;
            }
            Function<String, @Nullable String> cell = name -> {
                var i = index.get(name);
                if (i == null || i >= cells.size()) {
                    return null;
                }
                var value = cells.get(i).strip();
                return value.isEmpty() ? null : value;
            };
            int before = problems.size();
            var given = cell.apply("given_name");
            var family = cell.apply("family_name");
            if (given == null) {
                problems.add(new Problem(row, "given_name", "The legal given name is empty; fill it in."));
            } else if (given.length() > 100) {
                problems.add(new Problem(row, "given_name", "Longer than 100 characters; shorten it."));
            }
            if (family == null) {
                problems.add(new Problem(row, "family_name", "The legal family name is empty; fill it in."));
            } else if (family.length() > 100) {
                problems.add(new Problem(row, "family_name", "Longer than 100 characters; shorten it."));
            }
            var preferred = cell.apply("preferred_name");
            if (preferred != null && preferred.length() > 100) {
                problems.add(new Problem(row, "preferred_name", "Longer than 100 characters; shorten it."));
            }
            var pronouns = cell.apply("pronouns");
            if (pronouns != null && pronouns.length() > 40) {
                problems.add(new Problem(row, "pronouns", "Longer than 40 characters; shorten it."));
            }
            LocalDate born = null;
            var dob = cell.apply("date_of_birth");
            if (dob != null) {
                try {
                    born = LocalDate.parse(dob);
                    if (born.isAfter(today) || born.isBefore(today.minusYears(130))) {
                        problems.add(new Problem(
                                row, "date_of_birth", "\"" + safe(dob) + "\" is not a plausible birth date."));
                    }
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(
                            row,
                            "date_of_birth",
                            "\"" + safe(dob) + "\" is not a date; write it as YYYY-MM-DD, e.g. 2004-03-17."));
                }
            }
            var email = cell.apply("email");
            if (email != null) {
                email = email.toLowerCase(Locale.ROOT);
                if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
                    problems.add(new Problem(
                            row, "email", "\"" + safe(email) + "\" is not an email address such as ada@example.org."));
                } else if (seenEmail.containsKey(email)) {
                    problems.add(new Problem(
                            row,
                            "email",
                            "Row " + seenEmail.get(email) + " has the same email; keep one of the rows."));
                } else {
                    seenEmail.put(email, row);
                    if (emailTaken.test(email)) {
                        problems.add(new Problem(
                                row,
                                "email",
                                "A learner record with " + email
                                        + " already exists; remove the row or update that record instead."));
                    }
                }
            }
            var phone = cell.apply("phone");
            if (phone != null && !phone.matches("\\+?[0-9 ()./-]{5,30}")) {
                problems.add(new Problem(
                        row,
                        "phone",
                        "\"" + safe(phone) + "\" is not a phone number; use digits, e.g. +1 312 555 0100."));
            }
            UUID programId = null;
            var programCode = cell.apply("program_code");
            if (programCode != null) {
                var found = programs.apply(programCode);
                if (found.isEmpty()) {
                    problems.add(new Problem(
                            row,
                            "program_code",
                            "\"" + safe(programCode) + "\" is not a current program of the catalog; check the code."));
                } else {
                    programId = found.get();
                }
            }
            var status = LearnerStatus.PROSPECT;
            var statusText = cell.apply("status");
            if (statusText != null) {
                var parsed = parseStatus(statusText);
                if (parsed.isEmpty()) {
                    problems.add(new Problem(
                            row,
                            "status",
                            "\"" + safe(statusText) + "\" is not a status; use one of " + statuses() + "."));
                } else {
                    status = parsed.get();
                }
            }
            var external = cell.apply("external_id");
            if (external != null) {
                if (external.length() > 100) {
                    problems.add(new Problem(row, "external_id", "Longer than 100 characters; shorten it."));
                } else if (seenExternal.containsKey(external)) {
                    problems.add(new Problem(
                            row,
                            "external_id",
                            "Row " + seenExternal.get(external) + " has the same external id; keep one of the rows."));
                } else {
                    seenExternal.put(external, row);
                }
            }
            if (given != null && family != null && email == null && external == null) {
                var person = (given + "|" + family + "|" + dob).toLowerCase(Locale.ROOT);
                var first = seenPerson.putIfAbsent(person, row);
                if (first != null) {
                    problems.add(new Problem(
                            row,
                            "",
                            "Row " + first + " names the same person (name and birth date); keep one of the rows."));
                }
            }
            if (problems.size() == before) {
                var good = new GoodRow(
                        row,
                        given,
                        family,
                        preferred,
                        born,
                        email,
                        phone,
                        programId,
                        programCode,
                        status,
                        external,
                        pronouns);
                var existing = resembles.apply(good);
                if (existing.isPresent()) {
                    problems.add(new Problem(
                            row,
                            "",
                            "Possibly the same person as " + existing.get()
                                    + ": remove the row, or update or merge that record instead."));
                } else {
                    rows.add(good);
                }
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(2, "", "The file has a header but no learners; add one row per learner."));
        }
        return new Checked(rows, problems);
    }

    static List<String> columns() {
        var all = new ArrayList<>(REQUIRED);
        all.addAll(OPTIONAL);
        return all;
    }

    private static Optional<LearnerStatus> parseStatus(String text) {
        var normalized = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (var status : LearnerStatus.values()) {
            if (status.name().equals(normalized) || status.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    private static String statuses() {
        var names = new ArrayList<String>();
        for (var status : LearnerStatus.values()) {
            names.add(status.name());
        }
        return String.join(", ", names);
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    /** A value echoed in a report, made harmless for a spreadsheet (no leading formula character). */
    static String safe(String value) {
        var shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return !shown.isEmpty() && "=+-@\t\r".indexOf(shown.charAt(0)) >= 0 ? "'" + shown : shown;
    }
}
