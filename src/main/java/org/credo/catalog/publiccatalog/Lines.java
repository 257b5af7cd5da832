package org.credo.catalog.publiccatalog;

import java.util.Arrays;
import java.util.List;

/** Splits stored multi-line text (outcomes) into items. */
final class Lines {

    private Lines() {}

    /** The non-blank lines of a text, with list markers ("- ", "* ", "1. ") removed. */
    static List<String> of(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(line -> line.strip().replaceFirst("^([-*•]|\\d+[.)])\\s*", ""))
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
