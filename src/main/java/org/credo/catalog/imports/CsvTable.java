package org.credo.catalog.imports;

import java.util.List;
import org.credo.platform.CsvReader;
import org.credo.platform.ProblemException;

/** A catalog import file: UTF-8 RFC 4180 CSV read by the platform's {@link CsvReader} (Apache Commons CSV). */
final class CsvTable {

    private CsvTable() {}

    /** The rows of the file; row 1 is the header. Refuses a file that is not UTF-8 or has an open quote. */
    static List<List<String>> read(byte[] bytes) {
        try {
            return CsvReader.read(bytes);
        } catch (CsvReader.Unreadable e) {
            throw switch (e.reason()) {
                case NOT_UTF8 ->
                    ProblemException.badRequest(
                            "Not UTF-8",
                            "Save the file as CSV UTF-8 and try again (byte " + (e.byteOffset() + 1) + ", on line "
                                    + e.record() + ", is not UTF-8).");
                case OPEN_QUOTE ->
                    ProblemException.badRequest(
                            "Unreadable CSV", "A quoted cell is never closed (row " + e.record() + ").");
            };
        }
    }

    /**
     * A cell value as it may be echoed in a report: one that a spreadsheet would run as a formula
     * (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe.
     */
    static String safe(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
