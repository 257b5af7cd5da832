package org.credo.credentials.bulk;

import java.util.List;
import org.credo.platform.CsvReader;

/**
 * Reads a bulk issuance file with the platform's {@link CsvReader} (UTF-8 only, RFC 4180 by Apache Commons CSV): an
 * invalid byte sequence rejects the whole file with its position, since a guessed encoding would put wrong names on
 * signed credentials.
 */
final class CsvRecords {

    /** A file that is not CSV we can read at all. */
    static final class Unreadable extends Exception {
        private final int row;

        Unreadable(int row, String message) {
            super(message);
            this.row = row;
        }

        int row() {
            return row;
        }
    }

    private CsvRecords() {}

    /** The records of a file, each a list of cells; records are numbered from 1 (the header). */
    static List<List<String>> read(byte[] bytes) throws Unreadable {
        try {
            return CsvReader.read(bytes);
        } catch (CsvReader.Unreadable e) {
            throw switch (e.reason()) {
                case NOT_UTF8 ->
                    new Unreadable(
                            e.record(),
                            "The file is not UTF-8: byte " + (e.byteOffset() + 1) + " (0x"
                                    + String.format("%02X", e.badByte()) + ", on line " + e.record()
                                    + ") is not valid UTF-8. Save it as \"CSV UTF-8\" and upload it again.");
                case OPEN_QUOTE ->
                    new Unreadable(
                            e.record(),
                            "Row " + e.record() + " opens a quoted cell that never closes; add the closing \".");
            };
        }
    }
}
