package org.credo.credentials.status;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status lists of 131,072 entries per organization, issuer DID and purpose. Indices are handed out at random
 * (so a list's bits say nothing about issuance order); a full list rolls over to a new one. Every
 * change locks the list's row, so two nodes never hand out the same index or lose a flip. An issuer
 * has one open list per purpose, or more while issuance runs side by side.
 */
@Service
public class StatusLists {

    /** The length of every list: the minimum the specification recommends for herd privacy. */
    public static final int LENGTH = 131_072;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A list as stored. */
    public record StoredList(
            UUID id,
            UUID organizationId,
            StatusPurpose purpose,
            byte[] bits,
            Instant updatedAt,
            long version,
            @Nullable String issuerDid) {}

    private final JdbcClient jdbc;

    StatusLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Allocates {@code count} fresh indices for a purpose in lists of the issuer DID that the
     * credentials name, spilling into new lists as lists fill up.
     *
     * <p>The list's row stays locked until the issuing transaction ends, so indices of a transaction that rolls back
     * are free again. Issuance running meanwhile (another bulk chunk, a single credential) skips a list that is
     * locked and takes another open list of the issuer, or starts one, instead of waiting for that transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StatusSlot> allocate(UUID organizationId, String issuerDid, StatusPurpose purpose, int count) {
        var slots = new ArrayList<StatusSlot>(count);
        while (slots.size() < count) {
            var open = openList(organizationId, issuerDid, purpose);
            var id = (UUID) open[0];
            int allocated = (Integer) open[1];
            var taken = (byte[]) open[2];
            int want = Math.min(count - slots.size(), LENGTH - allocated);
            for (int i = 0; i < want; i++) {
                int index = freeIndex(taken);
                Bitstring.set(taken, index, true);
                slots.add(new StatusSlot(id, index, purpose));
            }
            allocated += want;
            jdbc.sql("UPDATE status_list SET taken = ?, allocated = ?, full_at = ? WHERE id = ?")
                    .params(taken, allocated, allocated >= LENGTH ? Timestamps.sql(Timestamps.now()) : null, id)
                    .update();
        }
        return slots;
    }

    /** Sets or clears one credential's bit; returns false if it already had that value. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean set(UUID organizationId, StatusSlot slot, boolean value) {
        var bits = jdbc.sql("SELECT bits FROM status_list WHERE id = ? AND organization_id = ? FOR UPDATE")
                .params(slot.listId(), organizationId)
                .query(byte[].class)
                .single();
        if (Bitstring.get(bits, slot.index()) == value) {
            return false;
        }
        Bitstring.set(bits, slot.index(), value);
        jdbc.sql("UPDATE status_list SET bits = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(bits, Timestamps.sql(Timestamps.now()), slot.listId())
                .update();
        return true;
    }

    /** Sets one credential's multi-bit value (a message list); returns false if it already had that value. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean setValue(UUID organizationId, StatusSlot slot, int value) {
        var size = slot.purpose().size();
        if (value < 0 || value >= 1 << size) {
            throw new IllegalArgumentException("a " + size + "-bit status holds 0 to " + ((1 << size) - 1));
        }
        var bits = jdbc.sql("SELECT bits FROM status_list WHERE id = ? AND organization_id = ? FOR UPDATE")
                .params(slot.listId(), organizationId)
                .query(byte[].class)
                .single();
        if (Bitstring.value(bits, slot.index(), size) == value) {
            return false;
        }
        Bitstring.setValue(bits, slot.index(), size, value);
        jdbc.sql("UPDATE status_list SET bits = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(bits, Timestamps.sql(Timestamps.now()), slot.listId())
                .update();
        return true;
    }

    /** A list by id, for publishing. */
    @Transactional(readOnly = true)
    public Optional<StoredList> find(UUID listId) {
        return jdbc.sql("SELECT id, organization_id, purpose, bits, updated_at, version, issuer_did FROM status_list"
                        + " WHERE id = ?")
                .param(listId)
                .query((rs, n) -> new StoredList(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        StatusPurpose.valueOf(rs.getString(3)),
                        rs.getBytes(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getLong(6),
                        rs.getString(7)))
                .optional();
    }

    private Object[] openList(UUID organizationId, String issuerDid, StatusPurpose purpose) {
        var open = jdbc.sql("SELECT id, allocated, taken FROM status_list WHERE organization_id = ? AND purpose = ?"
                        + " AND issuer_did = ? AND full_at IS NULL ORDER BY updated_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .params(organizationId, purpose.name(), issuerDid)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2), rs.getBytes(3)})
                .list();
        if (!open.isEmpty()) {
            return open.get(0);
        }
        var id = UUID.randomUUID();
        var now = Timestamps.now();
        jdbc.sql("""
                INSERT INTO status_list (id, organization_id, purpose, length, allocated, bits, taken, updated_at, version,
                  issuer_did)
                VALUES (?, ?, ?, ?, 0, ?, ?, ?, 0, ?)""")
                .params(
                        id,
                        organizationId,
                        purpose.name(),
                        LENGTH,
                        new byte[LENGTH * purpose.size() / 8],
                        new byte[LENGTH / 8],
                        Timestamps.sql(now),
                        issuerDid)
                .update();
        return new Object[] {id, 0, new byte[LENGTH / 8]};
    }

    /** A random untaken index: random probes first, then a scan from a random point. */
    private static int freeIndex(byte[] taken) {
        for (int attempt = 0; attempt < 64; attempt++) {
            int index = RANDOM.nextInt(LENGTH);
            if (!Bitstring.get(taken, index)) {
                return index;
            }
        }
        int start = RANDOM.nextInt(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            int index = (start + i) % LENGTH;
            if (!Bitstring.get(taken, index)) {
                return index;
            }
        }
        throw new IllegalStateException("status list is full");
    }
}
