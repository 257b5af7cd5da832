package org.credo.catalog.ctdl;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * CTIDs: Credential Engine identifiers of the form {@code ce-} and a UUID. Each is derived from the id
 * of the item it names (a name-based UUID), so an item keeps its CTID across versions, exports and
 * servers without storing it.
 */
final class CtdlIds {

    private CtdlIds() {}

    static String ctid(String kind, UUID id) {
        return "ce-" + UUID.nameUUIDFromBytes(("credo:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static boolean valid(String ctid) {
        return ctid.matches("ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
