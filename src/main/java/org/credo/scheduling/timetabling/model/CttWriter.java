package org.credo.scheduling.timetabling.model;

/** Writes an instance in the ITC 2007 {@code .ctt} format, so that {@link CttParser} reads back the same instance. */
public final class CttWriter {

    private CttWriter() {}

    /** The instance as {@code .ctt} text. */
    public static String write(Instance instance) {
        var out = new StringBuilder();
        out.append("Name: ").append(instance.name()).append('\n');
        out.append("Courses: ").append(instance.courses().size()).append('\n');
        out.append("Rooms: ").append(instance.rooms().size()).append('\n');
        out.append("Days: ").append(instance.days()).append('\n');
        out.append("Periods_per_day: ").append(instance.periodsPerDay()).append('\n');
        out.append("Curricula: ").append(instance.curricula().size()).append('\n');
        out.append("Constraints: ").append(instance.unavailability().size()).append("\n\n");
        out.append("COURSES:\n");
        for (var c : instance.courses()) {
            out.append(c.id())
                    .append(' ')
                    .append(c.teacher())
                    .append(' ')
                    .append(c.lectures())
                    .append(' ')
                    .append(c.minWorkingDays())
                    .append(' ')
                    .append(c.students())
                    .append('\n');
        }
        out.append("\nROOMS:\n");
        for (var r : instance.rooms()) {
            out.append(r.id()).append('\t').append(r.capacity()).append('\n');
        }
        out.append("\nCURRICULA:\n");
        for (var q : instance.curricula()) {
            out.append(q.id()).append("  ").append(q.courses().size());
            q.courses().forEach(c -> out.append(' ').append(c));
            out.append('\n');
        }
        out.append("\nUNAVAILABILITY_CONSTRAINTS:\n");
        for (var u : instance.unavailability()) {
            out.append(u.course())
                    .append(' ')
                    .append(u.day())
                    .append(' ')
                    .append(u.period())
                    .append('\n');
        }
        out.append("\nEND.\n");
        return out.toString();
    }
}
