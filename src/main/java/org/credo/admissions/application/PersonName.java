package org.credo.admissions.application;

/**
 * A full name as an applicant typed it, split into the given and family names a learner record keeps: the last word
 * is the family name, the words before it the given names; a single word stands for both.
 */
public record PersonName(String given, String family) {

    /** Splits a full name ("Ada King Lovelace" is given "Ada King", family "Lovelace"). */
    public static PersonName of(String fullName) {
        var name = fullName.trim();
        int cut = name.lastIndexOf(' ');
        return cut > 0
                ? new PersonName(
                        name.substring(0, cut).trim(), name.substring(cut + 1).trim())
                : new PersonName(name, name);
    }
}
