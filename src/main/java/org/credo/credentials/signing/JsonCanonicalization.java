package org.credo.credentials.signing;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.erdtman.jcs.NumberToJSON;

/**
 * JSON Canonicalization Scheme (RFC 8785) of JSON-P values.
 *
 * <p>Numbers go through the reference implementation's ECMAScript number serializer (shortest round trip, exponent
 * below 1e-6 and from 1e21), which titanium-jcs 1.1.1 gets wrong for small numbers ({@code 1e-7}).
 */
final class JsonCanonicalization {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonCanonicalization() {}

    // A credential canonicalizes to 2 to 4 KB; growing a new buffer for each was a tenth of eddsa-jcs-2022 signing.
    private static final ThreadLocal<StringBuilder> BUFFERS = ThreadLocal.withInitial(() -> new StringBuilder(8192));
    private static final int KEPT_BUFFER = 1 << 16;

    static String canonicalize(JsonValue value) {
        StringBuilder out = BUFFERS.get();
        out.setLength(0);
        write(value, out);
        String canonical = out.toString();
        if (out.capacity() > KEPT_BUFFER) {
            // An unusually large document does not pin its buffer to the thread.
            BUFFERS.remove();
        }
        return canonical;
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> writeObject(value.asJsonObject(), out);
            case ARRAY -> writeArray(value.asJsonArray(), out);
            case STRING -> writeString(((JsonString) value).getString(), out);
            case NUMBER -> writeNumber((JsonNumber) value, out);
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }

    private static void writeObject(JsonObject object, StringBuilder out) {
        // String order is UTF-16 code unit order, which RFC 8785 asks for.
        String[] keys = object.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        out.append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(keys[i], out);
            out.append(':');
            write(object.get(keys[i]), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonArray array, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(array.get(i), out);
        }
        out.append(']');
    }

    private static void writeString(String string, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void writeNumber(JsonNumber number, StringBuilder out) {
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON numbers must be finite IEEE 754 doubles: " + number);
        }
        if (number.isIntegral() && Math.abs(value) < 1e15) {
            // Integers below 2^53 print the same either way; this skips the general algorithm.
            long integral = (long) value;
            out.append(integral == 0 ? 0 : integral);
            return;
        }
        try {
            out.append(NumberToJSON.serializeNumber(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
