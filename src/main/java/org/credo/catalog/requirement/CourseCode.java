package org.credo.catalog.requirement;

import java.util.Optional;
import java.util.regex.Pattern;

/** A course's subject and number, written 'CS 101': the name by which rules and requirements refer to it. */
public record CourseCode(String subject, String number) implements Comparable<CourseCode> {

    private static final Pattern SUBJECT = Pattern.compile("[A-Z][A-Z0-9]{0,11}");
    private static final Pattern NUMBER = Pattern.compile("[0-9][0-9A-Z]{0,11}");
    private static final Pattern CODE =
            Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]{0,11})\\s*[- ]?\\s*([0-9][0-9A-Za-z]{0,11})\\s*");

    public CourseCode {
        subject = subject.trim().toUpperCase();
        number = number.trim().toUpperCase();
        if (!SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException(
                    "subject \"" + subject + "\" must be 1 to 12 letters or digits, starting with a letter");
        }
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException(
                    "course number \"" + number + "\" must be 1 to 12 letters or digits, starting with a digit");
        }
    }

    /** Reads 'CS 101', 'cs101' or 'CS-101'. */
    public static Optional<CourseCode> parse(String text) {
        var m = CODE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CourseCode(m.group(1), m.group(2)));
    }

    /** The leading digits of the number (101 for '101L'), for '300-level and above' filters. */
    public int level() {
        int end = 0;
        while (end < number.length() && Character.isDigit(number.charAt(end))) {
            end++;
        }
        return Integer.parseInt(number.substring(0, Math.min(end, 9)));
    }

    @Override
    public int compareTo(CourseCode other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return subject + " " + number;
    }
}
