package org.credo.credentials.bulk;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.credo.platform.CsvWriter;

/**
 * The errors of a job as RFC 4180 CSV that spreadsheets open safely: a cell that starts with {@code
 * = + - @}, a tab or a carriage return is prefixed with an apostrophe so it is never run as a
 * formula ({@link CsvWriter}). Uploaded cells are quoted in messages, so they reach this report.
 */
final class ErrorReport {

    private ErrorReport() {}

    static void write(List<RowError> errors, Writer out) throws IOException {
        var csv = new CsvWriter(out);
        csv.row(List.of("row", "column", "message"));
        for (var error : errors) {
            csv.row(List.of(String.valueOf(error.row()), error.column(), error.message()));
        }
        out.flush();
    }
}
