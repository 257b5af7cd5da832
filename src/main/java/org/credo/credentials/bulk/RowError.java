package org.credo.credentials.bulk;

/** What is wrong with one cell (or a whole row, when {@code column} is empty) of an uploaded file. */
public record RowError(int row, String column, String message) {}
