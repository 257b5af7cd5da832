package org.credo.credentials.bulk;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The errors of a job as RFC 4180 CSV that spreadsheets open safely: a cell that starts with {@code
 * = + - @}, a tab or a carriage return is prefixed with an apostrophe so it is never run as a
 * formula (the same rule as the audit trail's export). Uploaded cells are quoted in messages, so
 * they reach this report.
 */
final class ErrorReport {

    private ErrorReport() {}

    static void write(List<RowError> errors, Writer out) throws IOException {
        row(out, List.of("row", "column", "message"));
        for (var error : errors) {
            row(out, List.of(String.valueOf(error.row()), error.column(), error.message()));
        }
        out.flush();
    }

    private static void row(Writer out, List<@Nullable String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        var safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
