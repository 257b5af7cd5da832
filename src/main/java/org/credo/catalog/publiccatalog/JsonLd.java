package org.credo.catalog.publiccatalog;

/** JSON-LD inside an HTML {@code <script>} element. */
public final class JsonLd {

    private JsonLd() {}

    /**
     * JSON text that cannot end its script element or open a comment: every {@code <}, {@code >} and
     * {@code &}, and the line separators JavaScript treats as line ends, become JSON unicode escapes,
     * which leave the parsed value unchanged.
     */
    public static String scriptSafe(String json) {
        var out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
