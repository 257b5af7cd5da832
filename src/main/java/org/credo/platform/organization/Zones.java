package org.credo.platform.organization;

import java.time.ZoneId;
import java.util.List;

/** The time zones offered in forms, sorted. */
final class Zones {

    static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted()
            .toList();

    private Zones() {}
}
