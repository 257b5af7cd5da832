package org.credo.catalog.publiccatalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one normalization of catalog text, used for the stored search columns and for queries alike,
 * so that H2 and PostgreSQL see the same words: lower case, accents removed, anything but letters and
 * digits a separator, words joined by single spaces.
 */
final class SearchText {

    /** At most this many words of a query are matched; the rest are ignored. */
    static final int MAX_QUERY_WORDS = 8;

    private SearchText() {}

    /** Normalized text: words of letters and digits, lower case, separated by single spaces. */
    static String normalize(String text) {
        var plain = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", " ").trim();
    }

    /**
     * The words of a query as matched against the start of catalog words. A plural "s" is dropped
     * from longer words so that "courses" finds "course" (and still "courses").
     */
    static List<String> queryWords(String query) {
        var words = new ArrayList<String>();
        for (var word : normalize(query).split(" ")) {
            if (word.isEmpty() || words.size() == MAX_QUERY_WORDS) {
                continue;
            }
            var stem = word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
                    ? word.substring(0, word.length() - 1)
                    : word;
            if (!words.contains(stem)) {
                words.add(stem);
            }
        }
        return words;
    }
}
