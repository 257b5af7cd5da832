package org.credo.catalog.publiccatalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The words visitors read for the codes of the catalog schema. */
public final class Labels {

    /** Program types, in the order filters list them. */
    public static final Map<String, String> PROGRAM_TYPES = ordered(
            "DEGREE", "Degree",
            "DIPLOMA", "Diploma",
            "CERTIFICATE", "Certificate",
            "MICRO_CREDENTIAL", "Micro-credential",
            "LICENSE", "License",
            "COURSE_BADGE", "Course badge");

    /** Delivery modes, in the order filters list them. */
    public static final Map<String, String> DELIVERY_MODES =
            ordered("IN_PERSON", "In person", "ONLINE", "Online", "HYBRID", "Hybrid");

    private Labels() {}

    public static String programType(@Nullable String code) {
        return code == null ? "" : PROGRAM_TYPES.getOrDefault(code, code);
    }

    public static String deliveryMode(@Nullable String code) {
        return code == null ? "" : DELIVERY_MODES.getOrDefault(code, code);
    }

    /**
     * An ISO 8601 period such as P2Y or P16W in words ("2 years", "16 weeks"); anything else as
     * written.
     */
    public static String duration(@Nullable String period) {
        if (period == null || period.isBlank()) {
            return "";
        }
        var matcher = java.util.regex.Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?")
                .matcher(period.trim().toUpperCase(java.util.Locale.ROOT));
        if (!matcher.matches()) {
            return period;
        }
        var parts = new java.util.ArrayList<String>();
        String[] units = {"year", "month", "week", "day"};
        for (int i = 0; i < units.length; i++) {
            var value = matcher.group(i + 1);
            if (value != null) {
                parts.add(value + " " + units[i] + ("1".equals(value) ? "" : "s"));
            }
        }
        return parts.isEmpty() ? period : String.join(" ", parts);
    }

    private static Map<String, String> ordered(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
