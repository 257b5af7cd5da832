package org.credo.credentials.badges;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * What a badge picture shows, worked out once for both the SVG and the PNG: a colour chosen from the achievement's
 * name, its initials, the name broken into at most three lines, and the issuer's name.
 */
record BadgeDesign(String background, String initials, List<String> nameLines, String issuer) {

    static final int SIZE = 512;
    static final int MAX_LINES = 3;

    /** Dark colours on which white text passes WCAG AA contrast. */
    private static final List<String> PALETTE =
            List.of("#1d4e89", "#5b2a86", "#1f6f50", "#8a3b12", "#7a1f3d", "#24566b", "#3f4a5a");

    private static final Set<String> MINOR = Set.of("a", "an", "and", "of", "in", "on", "for", "the", "to", "&", "-");

    /**
     * The design of a badge; {@code width} measures a line as it will be drawn, so that SVG (estimated) and PNG
     * (measured with the font) wrap alike within {@code maxWidth}.
     */
    static BadgeDesign of(String achievementName, String issuerName, ToIntFunction<String> width, int maxWidth) {
        var name = clean(achievementName);
        var colour = PALETTE.get(Math.floorMod(name.hashCode(), PALETTE.size()));
        return new BadgeDesign(colour, initials(name), wrap(name, width, maxWidth), shorten(clean(issuerName), 34));
    }

    /** Removes characters that XML 1.0 and fonts cannot carry, and folds runs of white space. */
    static String clean(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(allowed ? c : ' ');
        });
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static String initials(String name) {
        var letters = new StringBuilder();
        for (var word : name.split(" ")) {
            if (word.isEmpty() || MINOR.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            int first = word.codePointAt(0);
            if (Character.isLetterOrDigit(first)) {
                letters.appendCodePoint(Character.toUpperCase(first));
            }
            if (letters.codePointCount(0, letters.length()) == 3) {
                break;
            }
        }
        return letters.isEmpty() ? "★" : letters.toString();
    }

    private static List<String> wrap(String name, ToIntFunction<String> width, int maxWidth) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        var words = name.isEmpty() ? new String[0] : name.split(" ");
        for (int i = 0; i < words.length; i++) {
            var word = words[i];
            var candidate = line.isEmpty() ? word : line + " " + word;
            if (width.applyAsInt(candidate) <= maxWidth || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            lines.add(line.toString());
            line.setLength(0);
            line.append(word);
            if (lines.size() == MAX_LINES) {
                break;
            }
        }
        if (lines.size() < MAX_LINES && !line.isEmpty()) {
            lines.add(line.toString());
        } else if (!line.isEmpty()) {
            // Too long for three lines: the last one ends with an ellipsis.
            lines.set(MAX_LINES - 1, lines.get(MAX_LINES - 1) + "…");
        }
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, fit(lines.get(i), width, maxWidth));
        }
        return List.copyOf(lines);
    }

    /** Cuts a single over-long word (or line) to the width, with an ellipsis. */
    private static String fit(String line, ToIntFunction<String> width, int maxWidth) {
        if (width.applyAsInt(line) <= maxWidth) {
            return line;
        }
        var cut = line;
        while (cut.length() > 1 && width.applyAsInt(cut + "…") > maxWidth) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "…";
    }

    private static String shorten(String text, int max) {
        return text.codePointCount(0, text.length()) <= max
                ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)).strip() + "…";
    }
}
