package org.credo.learners.duplicates;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.jspecify.annotations.Nullable;

/**
 * The normalized keys that duplicate detection looks up (ADR 0035): an email key, a legal-name-and-birth-date key and
 * a phone key, and the name similarity that decides whether two names that share a phone are alike.
 */
public final class MatchKeys {

    /** Kinds of key, as stored in {@code learner_match_key.key_kind}. */
    public static final String EMAIL = "EMAIL";

    public static final String NAME_DOB = "NAME_DOB";
    public static final String PHONE = "PHONE";

    /** Names at least this similar (Jaro-Winkler, 0 to 1) count as 'similar' when they share a phone. */
    public static final double SIMILAR = 0.88;

    /** The digits of a phone number that identify it, whatever the country code or trunk prefix typed. */
    static final int PHONE_DIGITS = 9;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private MatchKeys() {}

    /**
     * A name as compared: accents and case dropped, apostrophes removed, other punctuation and runs of whitespace
     * made one space ('  Zoë  O'Brien-Smith ' → 'zoe obrien smith').
     */
    public static String name(@Nullable String name) {
        if (name == null) {
            return "";
        }
        var s = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("œ", "oe")
                .replace("ø", "o")
                .replace("ł", "l")
                .replace("đ", "d")
                .replace("þ", "th")
                .replaceAll("['’`´]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
        return s;
    }

    /** The email key: the address trimmed and lower-cased; null when it is no address. */
    public static @Nullable String email(@Nullable String email) {
        if (email == null) {
            return null;
        }
        var e = email.trim().toLowerCase(Locale.ROOT);
        return e.contains("@") && e.length() <= 400 ? e : null;
    }

    /** The name-and-birth-date key; null without a birth date or a name. */
    public static @Nullable String nameAndBirthDate(
            @Nullable String given, @Nullable String family, @Nullable LocalDate dateOfBirth) {
        var g = name(given);
        var f = name(family);
        if (dateOfBirth == null || g.isEmpty() || f.isEmpty()) {
            return null;
        }
        var key = g + "|" + f + "|" + dateOfBirth;
        return key.length() <= 400 ? key : null;
    }

    /** The phone key: the last nine digits; null when the number has fewer (too short to tell people apart). */
    public static @Nullable String phone(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        var digits = phone.replaceAll("[^0-9]", "");
        return digits.length() < PHONE_DIGITS ? null : digits.substring(digits.length() - PHONE_DIGITS);
    }

    /**
     * How alike two people's names are, 0 to 1: the Jaro-Winkler similarity of the normalized full names, in the
     * better of the two orders (so 'Lovelace Ada' matches 'Ada Lovelace').
     */
    public static double similarity(String given1, String family1, String given2, String family2) {
        var a = (name(given1) + " " + name(family1)).trim();
        var b = (name(given2) + " " + name(family2)).trim();
        var swapped = (name(family2) + " " + name(given2)).trim();
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return Math.max(JARO_WINKLER.apply(a, b), JARO_WINKLER.apply(a, swapped));
    }
}
