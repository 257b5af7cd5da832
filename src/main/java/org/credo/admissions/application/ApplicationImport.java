package org.credo.admissions.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.ApplicationSubmitted;
import org.credo.admissions.application.Application.Source;
import org.credo.admissions.cycle.Cycle;
import org.credo.admissions.cycle.Cycles;
import org.credo.admissions.form.ApplicationForm;
import org.credo.admissions.form.FieldType;
import org.credo.admissions.form.Forms;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CsvReader;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports submitted applications from a CSV file: columns {@code cycle} (the cycle's name or id), {@code name},
 * {@code email}, then one column per question key. Every row is checked first and every bad row reported; nothing is
 * imported unless all rows are good, and a file imported once is never imported again (by its SHA-256).
 */
@Service
public class ApplicationImport {

    /** The most rows one file may have. */
    public static final int MAX_ROWS = 5_000;

    /** One row of the file with what is wrong with it (nothing, when it can be imported). */
    public record Row(int line, String cycle, String name, String email, List<String> problems) {}

    /**
     * What a file would import.
     *
     * @param importedAt when this very file was imported before, or null
     */
    public record Check(String sha256, List<Row> rows, List<String> fileProblems, Instant importedAt) {

        public boolean good() {
            return fileProblems.isEmpty()
                    && !rows.isEmpty()
                    && rows.stream().allMatch(r -> r.problems().isEmpty());
        }

        public long badRows() {
            return rows.stream().filter(r -> !r.problems().isEmpty()).count();
        }
    }

    /** What an import did. */
    public record Result(int imported, boolean alreadyImported, Check check) {}

    private final JdbcClient jdbc;
    private final Cycles cycles;
    private final Forms forms;
    private final Applications applications;
    private final ApplicationEventPublisher events;

    ApplicationImport(
            JdbcClient jdbc, Cycles cycles, Forms forms, Applications applications, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.forms = forms;
        this.applications = applications;
        this.events = events;
    }

    /** Checks every row of a file without importing anything. */
    @Transactional(readOnly = true)
    public Check check(UUID organizationId, String csv) {
        var sha = sha256(csv);
        var importedAt = jdbc.sql(
                        "SELECT imported_at FROM application_import WHERE organization_id = ? AND file_sha256 = ?")
                .params(organizationId, sha)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional()
                .orElse(null);
        var fileProblems = new ArrayList<String>();
        var rows = new ArrayList<Row>();
        List<Line> records;
        try {
            var table = table(csv);
            for (var column : List.of("cycle", "name", "email")) {
                if (!table.header().contains(column)) {
                    fileProblems.add("The first line must name the columns cycle, name and email (then one column"
                            + " per question key); " + column + " is missing.");
                }
            }
            if (!fileProblems.isEmpty()) {
                return new Check(sha, rows, fileProblems, importedAt);
            }
            records = table.lines();
        } catch (CsvReader.Unreadable e) {
            fileProblems.add("The file is not readable CSV: " + e.getMessage());
            return new Check(sha, rows, fileProblems, importedAt);
        }
        if (records.isEmpty()) {
            fileProblems.add("The file has no rows under its header.");
        }
        if (records.size() > MAX_ROWS) {
            fileProblems.add("The file has " + records.size() + " rows; import at most " + MAX_ROWS + " at a time.");
            return new Check(sha, rows, fileProblems, importedAt);
        }
        var all = cycles.all(organizationId);
        var published = new HashMap<UUID, Optional<ApplicationForm>>();
        var seen = new HashMap<String, Integer>();
        for (var record : records) {
            var values = record.values();
            var problems = new ArrayList<String>();
            var cycleText = values.getOrDefault("cycle", "");
            var name = values.getOrDefault("name", "");
            var email = Applications.normalEmail(values.get("email"));
            var cycle = all.stream()
                    .filter(c -> c.id().toString().equalsIgnoreCase(cycleText)
                            || c.name().equalsIgnoreCase(cycleText))
                    .findFirst();
            if (cycle.isEmpty()) {
                problems.add("Unknown cycle \"" + cycleText + "\": use a cycle's name or id as listed under Cycles.");
            }
            if (name.isBlank()) {
                problems.add("The name is missing.");
            } else if (name.length() > 200) {
                problems.add("The name is longer than 200 characters.");
            }
            if (!email.matches(Applications.EMAIL)) {
                problems.add("\"" + values.getOrDefault("email", "") + "\" is not an email address.");
            }
            if (cycle.isPresent()) {
                var key = cycle.get().id() + "|" + email;
                var earlier = seen.putIfAbsent(key, record.number());
                if (earlier != null) {
                    problems.add("Duplicate of line " + earlier + ": the same email in the same cycle.");
                }
                var form = published.computeIfAbsent(cycle.get().id(), id -> forms.published(organizationId, id));
                if (form.isEmpty()) {
                    problems.add(cycle.get().name() + " has no published application form.");
                } else {
                    problems.addAll(answerProblems(form.get(), values));
                }
                if (email.matches(Applications.EMAIL)
                        && applications
                                .inCycle(organizationId, cycle.get().id(), email)
                                .isPresent()) {
                    problems.add("An application for " + email + " already exists in "
                            + cycle.get().name() + ".");
                }
            }
            rows.add(new Row(record.number(), cycle.map(Cycle::name).orElse(cycleText), name, email, problems));
        }
        return new Check(sha, rows, fileProblems, importedAt);
    }

    /**
     * Imports a file whose rows are all good, in one transaction; a file imported before is not imported again.
     *
     * @throws ProblemException 400 when any row is bad (nothing is imported)
     */
    @Transactional
    public Result apply(UUID organizationId, String fileName, String csv) {
        var check = check(organizationId, csv);
        if (check.importedAt() != null) {
            return new Result(0, true, check);
        }
        if (!check.good()) {
            throw ProblemException.badRequest(
                    "Nothing imported",
                    check.fileProblems().isEmpty()
                            ? check.badRows() + " row(s) have problems; fix them and import the whole file again."
                            : check.fileProblems().get(0));
        }
        var stamp = ChangeStamp.now(organizationId);
        // The unique file hash makes a second, concurrent import of the same file fail here, before any row.
        jdbc.sql("INSERT INTO application_import (id, organization_id, file_sha256, file_name, rows_imported,"
                        + " imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        organizationId,
                        check.sha256(),
                        fileName.length() > 255 ? fileName.substring(0, 255) : fileName,
                        check.rows().size(),
                        stamp.actorId(),
                        Timestamps.sql(Timestamps.now()))
                .update();
        var all = cycles.all(organizationId);
        int imported = 0;
        for (var record : table(csv).lines()) {
            var values = record.values();
            var cycleText = values.get("cycle");
            var cycle = all.stream()
                    .filter(c -> c.id().toString().equalsIgnoreCase(cycleText)
                            || c.name().equalsIgnoreCase(cycleText))
                    .findFirst()
                    .orElseThrow();
            var answers = new LinkedHashMap<String, String>();
            var form = forms.published(organizationId, cycle.id()).orElseThrow();
            for (var f : form.definition().fields()) {
                if (f.type() != FieldType.FILE && values.containsKey(f.key())) {
                    answers.put(f.key(), values.get(f.key()));
                }
            }
            var application = applications.insert(
                    organizationId,
                    cycle,
                    null,
                    values.get("name"),
                    values.get("email"),
                    Source.IMPORT,
                    ApplicationStatus.SUBMITTED,
                    answers);
            applications.linkPersonRecord(organizationId, application);
            events.publishEvent(new ApplicationSubmitted(
                    ChangeStamp.now(organizationId),
                    application.id(),
                    application.number(),
                    cycle.id(),
                    cycle.programId(),
                    null,
                    application.applicantName(),
                    application.applicantEmail(),
                    Source.IMPORT.name()));
            imported++;
        }
        return new Result(imported, false, check);
    }

    private static List<String> answerProblems(ApplicationForm form, Map<String, String> values) {
        var problems = new ArrayList<String>();
        var definition = form.definition();
        var answers = new HashMap<String, String>();
        for (var f : definition.fields()) {
            if (values.containsKey(f.key())) {
                answers.put(f.key(), values.get(f.key()));
            }
        }
        definition.answerProblems(answers).forEach((key, message) -> problems.add(key + ": " + message));
        // A file cannot come in a CSV file: staff attach documents afterwards, so files are not required here.
        for (var f : definition.visibleFields(answers)) {
            var value = answers.get(f.key());
            if (f.required() && f.type() != FieldType.FILE && (value == null || value.isBlank())) {
                problems.add("The required answer " + f.key() + " (" + f.label() + ") is missing.");
            }
        }
        return problems;
    }

    /** The header (lower case) and the non-blank lines of a file, each with its line number and trimmed values. */
    private record Table(List<String> header, List<Line> lines) {}

    /** A line of the file under the header: its line number, and its values by column (the first of a repeated one). */
    private record Line(int number, Map<String, String> values) {}

    /** Reads the file with the platform's CSV reader; refused as {@link CsvReader.Unreadable}. */
    private static Table table(String csv) {
        var records = CsvReader.parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (records.isEmpty()) {
            return new Table(List.of(), List.of());
        }
        var header = records.get(0).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        var lines = new ArrayList<Line>();
        for (int i = 1; i < records.size(); i++) {
            var cells = records.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            var values = new HashMap<String, String>();
            for (int c = 0; c < header.size(); c++) {
                values.putIfAbsent(
                        header.get(c), c < cells.size() ? cells.get(c).strip() : "");
            }
            // The record's index is its line number while no quoted cell spans lines, which an import does not need.
            lines.add(new Line(i + 1, values));
        }
        return new Table(header, lines);
    }

    static String sha256(String csv) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(digest.digest(csv.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
