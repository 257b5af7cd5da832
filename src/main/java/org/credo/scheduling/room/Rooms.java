package org.credo.scheduling.room;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.scheduling.BuildingSaved;
import org.credo.scheduling.RoomSaved;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization's buildings and rooms. */
@Service
public class Rooms {

    /** The features a room may offer, as the registrar ticks them. */
    public static final List<String> FEATURES =
            List.of("lab", "projector", "computers", "whiteboard", "video-conferencing", "studio");

    /** Sort fields of the room list; the first is the default. */
    public static final List<String> SORTABLE = List.of("name", "capacity");

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("name", "b.code, r.number", "capacity", "r.capacity");
    private static final String SELECT = "SELECT r.*, b.code AS building_code FROM scheduling_room r"
            + " JOIN scheduling_building b ON b.id = r.building_id WHERE r.organization_id = ?";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Rooms(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every building of the organization, by code. */
    @Transactional(readOnly = true)
    public List<Building> buildings(UUID organizationId) {
        return jdbc.sql("SELECT id, code, name FROM scheduling_building WHERE organization_id = ? ORDER BY code")
                .param(organizationId)
                .query((rs, n) ->
                        new Building(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name")))
                .list();
    }

    /** Adds a building, or renames one when {@code id} is given. */
    @Transactional
    public Building saveBuilding(UUID organizationId, @Nullable UUID id, @Nullable String code, @Nullable String name) {
        var c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z0-9][A-Z0-9-]{0,19}")) {
            throw ProblemException.invalidField(
                    "code", "give the building a short code of letters and digits, such as SCI.");
        }
        var n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            throw ProblemException.invalidField("name", "name the building (up to 100 characters).");
        }
        var buildingId = id == null ? UUID.randomUUID() : id;
        try {
            if (id == null) {
                jdbc.sql("INSERT INTO scheduling_building (id, organization_id, code, name) VALUES (?, ?, ?, ?)")
                        .params(buildingId, organizationId, c, n)
                        .update();
            } else if (jdbc.sql(
                                    "UPDATE scheduling_building SET code = ?, name = ? WHERE id = ? AND organization_id = ?")
                            .params(c, n, id, organizationId)
                            .update()
                    == 0) {
                throw ProblemException.notFound("That building");
            }
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalidField("code", "another building already has the code " + c + ".");
        }
        events.publishEvent(new BuildingSaved(ChangeStamp.now(organizationId), buildingId, c, n, id == null));
        return new Building(buildingId, c, n);
    }

    /** One page of the organization's rooms, optionally those with at least {@code minCapacity} seats. */
    @Transactional(readOnly = true)
    public PageResult<Room> page(UUID organizationId, @Nullable Integer minCapacity, PageQuery query) {
        int min = minCapacity == null ? 0 : minCapacity;
        long total = jdbc.sql("SELECT count(*) FROM scheduling_room r WHERE r.organization_id = ? AND r.capacity >= ?")
                .params(organizationId, min)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(SELECT + " AND r.capacity >= ? ORDER BY " + query.orderBy(SORT_COLUMNS, "r.id")
                        + " LIMIT ? OFFSET ?")
                .params(organizationId, min, query.size(), query.offset())
                .query((rs, n) -> room(rs))
                .list();
        return PageResult.of(rows, query, total);
    }

    /** Every room of the organization, by building and number. */
    @Transactional(readOnly = true)
    public List<Room> all(UUID organizationId) {
        return jdbc.sql(SELECT + " ORDER BY b.code, r.number")
                .param(organizationId)
                .query((rs, n) -> room(rs))
                .list();
    }

    /** The room with this id in the organization. */
    @Transactional(readOnly = true)
    public Optional<Room> byId(UUID organizationId, UUID id) {
        return jdbc.sql(SELECT + " AND r.id = ?")
                .params(organizationId, id)
                .query((rs, n) -> room(rs))
                .optional();
    }

    /** The room with this id, or 404. */
    public Room find(UUID organizationId, UUID id) {
        return byId(organizationId, id).orElseThrow(() -> ProblemException.notFound("That room"));
    }

    /** Adds a room to a building, or changes one when {@code id} is given. */
    @Transactional
    public Room save(
            UUID organizationId,
            @Nullable UUID id,
            @Nullable UUID buildingId,
            @Nullable String number,
            @Nullable Integer capacity,
            List<String> features,
            boolean accessible,
            boolean active) {
        if (buildingId == null || buildings(organizationId).stream().noneMatch(b -> b.id().equals(buildingId))) {
            throw ProblemException.invalidField("buildingId", "choose the building the room is in.");
        }
        var num = number == null ? "" : number.trim();
        if (num.isEmpty() || num.length() > 20) {
            throw ProblemException.invalidField("number", "give the room number (up to 20 characters).");
        }
        if (capacity == null || capacity < 1 || capacity > 2000) {
            throw ProblemException.invalidField("capacity", "give the number of seats, 1 to 2000.");
        }
        var unknown = features.stream().filter(f -> !FEATURES.contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField(
                    "features",
                    "unknown feature " + unknown.get(0) + "; choose from " + String.join(", ", FEATURES) + ".");
        }
        var sorted = features.stream().distinct().sorted().toList();
        var roomId = id == null ? UUID.randomUUID() : id;
        try {
            if (id == null) {
                jdbc.sql("INSERT INTO scheduling_room (id, organization_id, building_id, number, capacity, features,"
                                + " accessible, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                roomId,
                                organizationId,
                                buildingId,
                                num,
                                capacity,
                                String.join(",", sorted),
                                accessible,
                                active)
                        .update();
            } else {
                find(organizationId, id);
                jdbc.sql("UPDATE scheduling_room SET building_id = ?, number = ?, capacity = ?, features = ?,"
                                + " accessible = ?, active = ? WHERE id = ? AND organization_id = ?")
                        .params(
                                buildingId,
                                num,
                                capacity,
                                String.join(",", sorted),
                                accessible,
                                active,
                                id,
                                organizationId)
                        .update();
            }
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalidField("number", "the building already has a room " + num + ".");
        }
        var room = find(organizationId, roomId);
        events.publishEvent(new RoomSaved(
                ChangeStamp.now(organizationId),
                roomId,
                room.name(),
                capacity,
                sorted,
                accessible,
                active,
                id == null));
        return room;
    }

    private static Room room(java.sql.ResultSet rs) throws java.sql.SQLException {
        var features = rs.getString("features");
        return new Room(
                rs.getObject("id", UUID.class),
                rs.getObject("building_id", UUID.class),
                rs.getString("building_code"),
                rs.getString("number"),
                rs.getInt("capacity"),
                features == null || features.isBlank() ? List.of() : Arrays.asList(features.split(",")),
                rs.getBoolean("accessible"),
                rs.getBoolean("active"));
    }
}
