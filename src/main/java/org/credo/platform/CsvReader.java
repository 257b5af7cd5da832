package org.credo.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV file, the one way every import of Credo does (ADR 41): the bytes must be UTF-8 (a byte-order
 * mark is skipped; a guessed encoding would put wrong names on records), and the text is RFC 4180, parsed by Apache
 * Commons CSV. Every record is returned, the header first, cells untrimmed; empty lines are records of one empty cell,
 * so that record numbers stay line numbers of the file.
 */
public final class CsvReader {

    /** A file that cannot be read as CSV at all; {@link #record()} is the 1-based record where reading stopped. */
    public static final class Unreadable extends RuntimeException {

        /** Why the file could not be read. */
        public enum Reason {
            /** Not UTF-8: {@link #byteOffset()} is the 0-based offset of the first bad byte. */
            NOT_UTF8,
            /** A quoted cell opened in {@link #record()} never closes. */
            OPEN_QUOTE
        }

        private final Reason reason;
        private final int record;
        private final int byteOffset;
        private final int badByte;

        Unreadable(Reason reason, int record, int byteOffset, int badByte, String message) {
            super(message);
            this.reason = reason;
            this.record = record;
            this.byteOffset = byteOffset;
            this.badByte = badByte;
        }

        public Reason reason() {
            return reason;
        }

        public int record() {
            return record;
        }

        public int byteOffset() {
            return byteOffset;
        }

        /** The bad byte, 0 to 255, for {@link Reason#NOT_UTF8}. */
        public int badByte() {
            return badByte;
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .get();

    private CsvReader() {}

    /** Every record of the file, the header first. */
    public static List<List<String>> read(byte[] bytes) {
        return parse(decode(bytes));
    }

    /** The text of UTF-8 bytes without a byte-order mark; fails at the first byte that is not UTF-8. */
    public static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        var out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = start; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Unreadable(
                    Unreadable.Reason.NOT_UTF8,
                    line,
                    offset,
                    bytes[offset] & 0xff,
                    "Byte " + (offset + 1) + " (on line " + line + ") is not valid UTF-8.");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** Every record of CSV text, the header first. */
    public static List<List<String>> parse(String text) {
        var records = new ArrayList<List<String>>();
        try (var parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(FORMAT)
                .get()) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (IOException | UncheckedIOException e) {
            // Commons CSV fails only on a quoted cell that reaches the end of the text.
            int row = records.size() + 1;
            throw new Unreadable(
                    Unreadable.Reason.OPEN_QUOTE, row, -1, -1, "A quoted cell in row " + row + " is never closed.");
        }
        return records;
    }
}
