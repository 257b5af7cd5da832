package org.credo.platform;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an organization's colours: each a {@code #rrggbb} hex colour; the primary colour carries white text in page
 * headers and certificates, so it must reach WCAG's 4.5:1 contrast with white; the accent marks lines and buttons, so
 * it must reach 3:1 (WCAG's contrast for graphics).
 */
public final class Colours {

    /** WCAG contrast of white text on a colour that carries text (the primary colour). */
    public static final double TEXT = 4.5;

    /** WCAG contrast of a colour that marks lines and edges on white (the accent colour). */
    public static final double GRAPHIC = 3.0;

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private Colours() {}

    /**
     * The colour in lower case, when it is a valid hex colour with enough contrast against white.
     *
     * @throws ProblemException naming the field and why
     */
    public static String check(String field, String value, double minimumContrast) {
        var colour = value == null ? "" : value.strip();
        if (!HEX.matcher(colour).matches()) {
            throw ProblemException.invalidField(field, "write a colour as # and six hex digits, such as #1f3a5f.");
        }
        double contrast = contrastWithWhite(colour);
        if (contrast < minimumContrast) {
            throw ProblemException.invalidField(
                    field,
                    String.format(
                            Locale.ROOT,
                            "%s against white has a contrast of %.1f:1, below the %.1f:1 that readers need; choose a"
                                    + " darker colour.",
                            colour,
                            contrast,
                            minimumContrast));
        }
        return colour.toLowerCase(Locale.ROOT);
    }

    /**
     * The colour when it is written {@code #rrggbb}, otherwise the fallback: what a style sheet may carry unescaped
     * (a {@code #} escaped as a CSS identifier, {@code \#1f3a5f}, is no colour at all).
     */
    public static String forCss(String value, String fallback) {
        return value != null && HEX.matcher(value).matches() ? value : fallback;
    }

    /** The WCAG 2 contrast ratio of a colour with white. */
    public static double contrastWithWhite(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double l = 0.2126 * channel((rgb >> 16) & 0xff)
                + 0.7152 * channel((rgb >> 8) & 0xff)
                + 0.0722 * channel(rgb & 0xff);
        return 1.05 / (l + 0.05);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
