package org.credo.credentials.bulk;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV from bytes that must be UTF-8: a byte-order mark is skipped, an invalid byte
 * sequence rejects the whole file with its position, since a guessed encoding would put wrong names
 * on signed credentials.
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
        return parse(decode(bytes));
    }

    static String decode(byte[] bytes) throws Unreadable {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        var out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int row = 1;
            for (int i = start; i < offset; i++) {
                if (bytes[i] == '\n') {
                    row++;
                }
            }
            throw new Unreadable(
                    row,
                    "The file is not UTF-8: byte " + (offset + 1) + " (0x"
                            + String.format("%02X", bytes[offset] & 0xff) + ", on line " + row
                            + ") is not valid UTF-8. Save it as \"CSV UTF-8\" and upload it again.");
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new Unreadable(1, "The file could not be decoded as UTF-8.");
        }
        out.flip();
        return out.toString();
    }

    static List<List<String>> parse(String text) throws Unreadable {
        var records = new ArrayList<List<String>>();
        var record = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (cell.length() == 0 && !wasQuoted) {
                        quoted = true;
                        wasQuoted = true;
                    } else {
                        cell.append(c);
                    }
                }
                case ',' -> {
                    record.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    record.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                    records.add(record);
                    record = new ArrayList<>();
                }
                default -> cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new Unreadable(
                    records.size() + 1,
                    "Row " + (records.size() + 1) + " opens a quoted cell that never closes; add the closing \".");
        }
        if (cell.length() > 0 || !record.isEmpty() || wasQuoted) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
