package org.credo.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes RFC 4180 CSV that spreadsheets open safely: a cell that starts with {@code = + - @}, a
 * tab or a carriage return is prefixed with an apostrophe so it is never run as a formula. Every
 * export and error report of Credo writes through it.
 */
public final class CsvWriter {

    private final Writer out;

    /** A writer of rows to {@code out}; the caller flushes and closes it. */
    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** One row; null and empty cells are written empty. */
    public void row(List<@Nullable String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One cell, made formula-safe and quoted where RFC 4180 needs it. */
    public static String cell(@Nullable String value) {
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
