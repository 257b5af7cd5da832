package org.credo.platform.json;

/**
 * What a JSON text holds, measured in one pass without parsing it: its size in UTF-8, its deepest nesting and its
 * number of values. The count is exact for valid JSON; for invalid JSON it is an estimate, and the parser that runs
 * afterwards reports what is wrong.
 */
record JsonScan(long bytes, int depth, long values) {

    static JsonScan of(String text) {
        long bytes = 0;
        long values = 0;
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        boolean escaped = false;
        // A string is a value unless a colon follows it, which makes it a member name.
        boolean stringJustClosed = false;
        boolean inLiteral = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Each half of a surrogate pair counts two bytes: four for the pair, as in UTF-8.
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                    stringJustClosed = true;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                inLiteral = false;
                continue;
            }
            if (stringJustClosed) {
                stringJustClosed = false;
                if (c != ':') {
                    values++;
                }
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    inLiteral = false;
                }
                case '{', '[' -> {
                    values++;
                    deepest = Math.max(deepest, ++depth);
                    inLiteral = false;
                }
                case '}', ']' -> {
                    depth = Math.max(0, depth - 1);
                    inLiteral = false;
                }
                case ',', ':' -> inLiteral = false;
                default -> {
                    // A number, true, false or null: one value however many characters it has.
                    if (!inLiteral) {
                        values++;
                        inLiteral = true;
                    }
                }
            }
        }
        if (stringJustClosed) {
            values++;
        }
        return new JsonScan(bytes, deepest, values);
    }
}
