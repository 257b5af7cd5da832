package org.credo.credentials.bulk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.signing.Cryptosuite;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates an upload: every cell of every row is checked, and every problem is reported
 * by row and column, before anything is issued. Rows are numbered as a spreadsheet shows them: the
 * header is row 1, the first credential row 2.
 *
 * <p>Columns (header names, any order, case-insensitive): {@code achievement} (name of a published
 * achievement, or its id), {@code recipient_name}, {@code recipient_email}, and optionally {@code
 * recipient_identifier}, {@code recipient_did}, {@code valid_from}, {@code valid_until} (ISO date
 * such as 2026-06-30, read as midnight UTC, or an ISO instant such as 2026-06-30T12:00:00Z), {@code
 * evidence_url}, {@code evidence_narrative}, {@code result_name} and {@code result_value} (one
 * result: the name of one of the achievement's result descriptions and the value earned).
 */
final class BulkFile {

    /** The most rows one file may hold. */
    static final int MAX_ROWS = 100_000;

    static final List<String> REQUIRED = List.of("achievement", "recipient_name", "recipient_email");
    static final List<String> OPTIONAL = List.of(
            "recipient_identifier",
            "recipient_did",
            "valid_from",
            "valid_until",
            "evidence_url",
            "evidence_narrative",
            "result_name",
            "result_value");

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:\\S+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    /** A row that passed every check, ready to issue. */
    record ValidRow(int row, IssueRequest request) {}

    /** The outcome: rows to issue when {@code errors} is empty. */
    record Validation(int rowCount, List<ValidRow> rows, List<RowError> errors) {
        boolean valid() {
            return errors.isEmpty() && !rows.isEmpty();
        }
    }

    private BulkFile() {}

    /**
     * Validates a file; {@code achievementLookup} finds an achievement by name or id (published or
     * not, so that an unpublished one gets its own message).
     */
    static Validation validate(
            byte[] bytes, Cryptosuite suite, Instant now, Function<String, Optional<Achievement>> achievementLookup) {
        List<List<String>> records;
        try {
            records = CsvRecords.read(bytes);
        } catch (CsvRecords.Unreadable e) {
            return new Validation(0, List.of(), List.of(new RowError(e.row(), "", e.getMessage())));
        }
        var errors = new ArrayList<RowError>();
        if (records.isEmpty() || (records.size() == 1 && isBlank(records.get(0)))) {
            errors.add(new RowError(
                    1,
                    "",
                    "The file is empty; the first row must name the columns, such as " + String.join(",", REQUIRED)
                            + "."));
            return new Validation(0, List.of(), errors);
        }
        var header = records.get(0);
        var columns = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(new RowError(1, header.get(i), "Unknown column; use only " + allColumns() + "."));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(new RowError(1, name, "This column appears twice; keep one."));
            }
        }
        for (var required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new RowError(1, required, "This column is missing; the file must have it."));
            }
        }
        if (columns.containsKey("result_name") != columns.containsKey("result_value")) {
            errors.add(new RowError(1, "result_name", "Give result_name and result_value together, or neither."));
        }
        if (!errors.isEmpty()) {
            return new Validation(0, List.of(), errors);
        }
        int dataRows = 0;
        for (int r = 1; r < records.size(); r++) {
            if (!isBlank(records.get(r))) {
                dataRows++;
            }
        }
        if (dataRows == 0) {
            errors.add(new RowError(1, "", "The file has a header but no rows to issue."));
            return new Validation(0, List.of(), errors);
        }
        if (dataRows > MAX_ROWS) {
            errors.add(new RowError(
                    MAX_ROWS + 2,
                    "",
                    "The file has " + dataRows + " rows; at most " + MAX_ROWS + " fit in one upload. Split it."));
            return new Validation(dataRows, List.of(), errors);
        }
        var cache = new HashMap<String, Optional<Achievement>>();
        var seen = new HashMap<String, Integer>();
        var rows = new ArrayList<ValidRow>(dataRows);
        for (int r = 1; r < records.size(); r++) {
            var record = records.get(r);
            int row = r + 1;
            if (isBlank(record)) {
                continue;
            }
            if (record.size() != header.size()) {
                errors.add(new RowError(
                        row,
                        "",
                        "This row has " + record.size() + " cells but the header has " + header.size()
                                + "; check for a missing or extra comma, or an unquoted comma in a cell."));
                continue;
            }
            var cells = new Cells(row, record, columns, errors);
            var valid = validateRow(cells, suite, now, achievementLookup, cache);
            if (valid == null) {
                continue;
            }
            var key = valid.achievementId() + "|"
                    + valid.recipient().email().trim().toLowerCase(Locale.ROOT);
            var earlier = seen.putIfAbsent(key, row);
            if (earlier != null) {
                errors.add(new RowError(
                        row,
                        "recipient_email",
                        "Same achievement and recipient as row " + earlier + "; remove the duplicate row."));
                continue;
            }
            rows.add(new ValidRow(row, valid));
        }
        return new Validation(dataRows, errors.isEmpty() ? rows : List.of(), errors);
    }

    private static @Nullable IssueRequest validateRow(
            Cells cells,
            Cryptosuite suite,
            Instant now,
            Function<String, Optional<Achievement>> lookup,
            Map<String, Optional<Achievement>> cache) {
        int before = cells.errors.size();
        Achievement achievement = null;
        var achievementCell = cells.get("achievement");
        if (achievementCell == null) {
            cells.error("achievement", "Name the achievement to issue (its exact name, or its id).");
        } else {
            var found = cache.computeIfAbsent(achievementCell, lookup);
            if (found.isEmpty()) {
                cells.error(
                        "achievement",
                        "No achievement of this organization is named or numbered '" + achievementCell
                                + "'; use the exact name of a published achievement.");
            } else if (!found.get().issuable()) {
                cells.error(
                        "achievement",
                        "'" + found.get().content().name() + "' version "
                                + found.get().version() + " is "
                                + found.get().status().name().toLowerCase(Locale.ROOT)
                                + "; publish it (or name its published version) first.");
            } else {
                achievement = found.get();
            }
        }
        var name = cells.get("recipient_name");
        if (name == null) {
            cells.error("recipient_name", "The recipient's name is missing.");
        } else if (name.length() > 300) {
            cells.error("recipient_name", "Keep the name under 300 characters.");
        }
        var email = cells.get("recipient_email");
        if (email == null) {
            cells.error("recipient_email", "The recipient's email is missing.");
        } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            cells.error("recipient_email", "'" + email + "' is not an email address such as name@example.org.");
        }
        var identifier = cells.get("recipient_identifier");
        if (identifier != null && identifier.length() > 200) {
            cells.error("recipient_identifier", "Keep the identifier under 200 characters.");
        }
        var did = cells.get("recipient_did");
        if (did != null && (did.length() > 500 || !DID.matcher(did).matches())) {
            cells.error("recipient_did", "Give a DID such as did:key:z6Mk…, or leave the cell empty.");
        }
        var validFrom = cells.instant("valid_from");
        var validUntil = cells.instant("valid_until");
        if (validUntil != null && !validUntil.isAfter(validFrom == null ? now : validFrom)) {
            cells.error(
                    "valid_until",
                    validFrom == null
                            ? "valid_until is not in the future; a credential would be expired when issued."
                            : "valid_until must be after valid_from.");
        }
        var evidenceUrl = cells.get("evidence_url");
        if (evidenceUrl != null && !URL.matcher(evidenceUrl).matches()) {
            cells.error("evidence_url", "Give an http(s) URL, or leave the cell empty.");
        }
        var narrative = cells.get("evidence_narrative");
        if (narrative != null && narrative.length() > 4000) {
            cells.error("evidence_narrative", "Keep the narrative under 4,000 characters.");
        }
        var resultName = cells.get("result_name");
        var resultValue = cells.get("result_value");
        List<IssueRequest.ResultValue> results = null;
        if ((resultName == null) != (resultValue == null)) {
            cells.error(
                    resultName == null ? "result_name" : "result_value",
                    "Give result_name and result_value together, or leave both empty.");
        } else if (resultName != null && achievement != null) {
            var descriptions = achievement.content().resultDescriptions() == null
                    ? List.<org.credo.credentials.achievement.AchievementDraft.ResultDescription>of()
                    : achievement.content().resultDescriptions();
            var description = descriptions.stream()
                    .filter(d -> d.name().equalsIgnoreCase(resultName))
                    .findFirst();
            if (description.isEmpty()) {
                cells.error(
                        "result_name",
                        "'" + resultName + "' is not a result of "
                                + achievement.content().name() + "; it has "
                                + descriptions.stream().map(d -> d.name()).toList() + ".");
            } else if (description.get().allowedValues() != null
                    && !description.get().allowedValues().isEmpty()
                    && !description.get().allowedValues().contains(resultValue)) {
                cells.error(
                        "result_value",
                        "'" + resultValue + "' is not allowed for "
                                + description.get().name() + "; use one of "
                                + description.get().allowedValues() + ".");
            } else if (resultValue.length() > 200) {
                cells.error("result_value", "Keep the value under 200 characters.");
            } else {
                results = List.of(new IssueRequest.ResultValue(description.get().name(), resultValue));
            }
        }
        if (cells.errors.size() > before || achievement == null) {
            return null;
        }
        List<IssueRequest.Evidence> evidence = evidenceUrl == null && narrative == null
                ? null
                : List.of(new IssueRequest.Evidence(null, narrative, evidenceUrl));
        return new IssueRequest(
                achievement.id(),
                new IssueRequest.Recipient(name, email, identifier, did),
                validFrom,
                validUntil,
                evidence,
                results,
                suite);
    }

    private static boolean isBlank(List<String> record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static String allColumns() {
        var all = new ArrayList<>(REQUIRED);
        all.addAll(OPTIONAL);
        return String.join(", ", all);
    }

    /** The cells of one row by column name, trimmed, empty as null. */
    private record Cells(int row, List<String> record, Map<String, Integer> columns, List<RowError> errors) {

        @Nullable
        String get(String column) {
            var index = columns.get(column);
            if (index == null) {
                return null;
            }
            var value = record.get(index).trim();
            return value.isEmpty() ? null : value;
        }

        void error(String column, String message) {
            errors.add(new RowError(row, column, message));
        }

        @Nullable
        Instant instant(String column) {
            var value = get(column);
            if (value == null) {
                return null;
            }
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                error(
                        column,
                        "'" + value + "' is not a date such as 2026-06-30 or an instant such as"
                                + " 2026-06-30T12:00:00Z.");
                return null;
            }
        }
    }
}
