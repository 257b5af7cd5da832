package org.credo.scheduling.timetabling.web;

import java.util.List;
import java.util.Locale;
import org.credo.scheduling.timetabling.run.TimetablingRun.ScorePoint;

/**
 * The score history drawn as two lines in an SVG box of {@value #WIDTH} by {@value #HEIGHT}: hard violations and
 * soft penalty over time, each scaled to its own largest value (the page lists the same points in a table).
 */
record ScoreChart(String hardLine, String softLine, int maxHard, int maxSoft, long maxMillis) {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;

    static ScoreChart of(List<ScorePoint> history, long elapsedMillis) {
        int maxHard = history.stream().mapToInt(ScorePoint::hard).max().orElse(0);
        int maxSoft = history.stream().mapToInt(ScorePoint::soft).max().orElse(0);
        long maxMillis = Math.max(
                1,
                Math.max(
                        elapsedMillis,
                        history.stream().mapToLong(ScorePoint::millis).max().orElse(1)));
        return new ScoreChart(
                line(history, maxMillis, maxHard, true),
                line(history, maxMillis, maxSoft, false),
                maxHard,
                maxSoft,
                maxMillis);
    }

    /** A step line: each best score holds until the next one, and the last until now. */
    private static String line(List<ScorePoint> history, long maxMillis, int max, boolean hard) {
        var out = new StringBuilder();
        Double lastY = null;
        for (var p : history) {
            double x = WIDTH * (double) p.millis() / maxMillis;
            double y = HEIGHT - (max == 0 ? 0 : HEIGHT * (double) (hard ? p.hard() : p.soft()) / max);
            if (lastY != null) {
                out.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, lastY));
            }
            out.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            lastY = y;
        }
        if (lastY != null) {
            out.append(String.format(Locale.ROOT, "%d,%.1f", WIDTH, lastY));
        }
        return out.toString().trim();
    }

    /** The last points of the history, newest first, for the table. */
    static List<ScorePoint> latest(List<ScorePoint> history, int n) {
        var copy = new java.util.ArrayList<>(history);
        java.util.Collections.reverse(copy);
        return copy.subList(0, Math.min(n, copy.size()));
    }
}
