package org.credo.catalog.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The differences between two versions, field by field: a plain field shows its old and new value;
 * a list field (outcomes, requirement lines) shows the items added and removed.
 */
public record Diff(List<Change> changes) {

    /** One field that differs. {@code before}/{@code after} for plain fields; {@code added}/{@code removed} for lists. */
    public record Change(
            String field, String before, String after, List<String> added, List<String> removed, boolean list) {}

    /** Compares two field maps; a missing side (a new item) compares as empty. */
    public static Diff between(Map<String, Object> before, Map<String, Object> after) {
        var fields = new LinkedHashSet<String>();
        fields.addAll(before.keySet());
        fields.addAll(after.keySet());
        var changes = new ArrayList<Change>();
        for (var field : fields) {
            var b = before.get(field);
            var a = after.get(field);
            if (Objects.equals(b, a)) {
                continue;
            }
            if (b instanceof List<?> || a instanceof List<?>) {
                var bl = strings(b);
                var al = strings(a);
                var added = al.stream().filter(x -> !bl.contains(x)).toList();
                var removed = bl.stream().filter(x -> !al.contains(x)).toList();
                if (added.isEmpty() && removed.isEmpty()) {
                    // Same items in another order.
                    added = al;
                    removed = bl;
                }
                changes.add(new Change(field, "", "", added, removed, true));
            } else {
                changes.add(new Change(
                        field,
                        b == null ? "" : b.toString(),
                        a == null ? "" : a.toString(),
                        List.of(),
                        List.of(),
                        false));
            }
        }
        return new Diff(List.copyOf(changes));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null || value.toString().isEmpty() ? List.of() : List.of(value.toString());
    }
}
