package org.credo.scheduling.timetabling.model;

/** A {@code .ctt} instance or ITC solution text that cannot be read; the message names the line and what is wrong. */
public class CttFormatException extends RuntimeException {

    private final int line;

    public CttFormatException(int line, String problem) {
        super("Line " + line + ": " + problem);
        this.line = line;
    }

    /** The line (from 1) where the problem is. */
    public int line() {
        return line;
    }
}
