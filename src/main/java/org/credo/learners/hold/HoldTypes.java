package org.credo.learners.hold;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.credo.learners.HoldAction;
import org.credo.learners.HoldTypeSaved;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The hold types of an organization, defined by the registrar. */
@Service
public class HoldTypes {

    /** The offices that may own hold types. */
    public static final Set<Role> OFFICES =
            EnumSet.of(Role.REGISTRAR, Role.ADMISSIONS_OFFICER, Role.ADVISOR, Role.BURSAR);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    HoldTypes(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every hold type of the organization, by name. */
    @Transactional(readOnly = true)
    public List<HoldType> all(UUID organizationId) {
        return jdbc.sql("SELECT * FROM hold_type WHERE organization_id = ? ORDER BY name")
                .param(organizationId)
                .query((rs, n) -> new HoldType(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        blocks(rs.getString("blocks")),
                        Role.valueOf(rs.getString("office_role")),
                        rs.getString("instructions"),
                        rs.getBoolean("active")))
                .list();
    }

    /** One hold type of the organization. */
    @Transactional(readOnly = true)
    public HoldType find(UUID organizationId, UUID id) {
        return all(organizationId).stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("That hold type"));
    }

    /** Defines a hold type, or changes one when {@code id} is given. */
    @Transactional
    public HoldType save(
            UUID organizationId,
            @Nullable UUID id,
            String name,
            Set<HoldAction> blocks,
            Role office,
            String instructions,
            boolean active) {
        var n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            throw ProblemException.invalidField("name", "name the hold type, up to 100 characters.");
        }
        if (blocks == null || blocks.isEmpty()) {
            throw ProblemException.invalidField("blocks", "choose at least one action the hold blocks.");
        }
        if (!OFFICES.contains(office)) {
            throw ProblemException.invalidField("office", "choose the registrar, admissions, advising or the bursar.");
        }
        var i = instructions == null ? "" : instructions.trim();
        if (i.isEmpty() || i.length() > 2000) {
            throw ProblemException.invalidField("instructions", "tell the learner what to do to clear the hold.");
        }
        var typeId = id == null ? UUID.randomUUID() : id;
        try {
            if (id == null) {
                jdbc.sql("INSERT INTO hold_type (id, organization_id, name, blocks, office_role, instructions, active,"
                                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                typeId,
                                organizationId,
                                n,
                                join(blocks),
                                office.name(),
                                i,
                                active,
                                Timestamps.sql(Timestamps.now()))
                        .update();
            } else {
                find(organizationId, id);
                jdbc.sql("UPDATE hold_type SET name = ?, blocks = ?, office_role = ?, instructions = ?, active = ?"
                                + " WHERE id = ? AND organization_id = ?")
                        .params(n, join(blocks), office.name(), i, active, id, organizationId)
                        .update();
            }
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalidField("name", "another hold type already has this name.");
        }
        events.publishEvent(new HoldTypeSaved(
                ChangeStamp.now(organizationId), typeId, n, EnumSet.copyOf(blocks), office.label(), active));
        return find(organizationId, typeId);
    }

    static String join(Set<HoldAction> blocks) {
        return blocks.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<HoldAction> blocks(String text) {
        var set = EnumSet.noneOf(HoldAction.class);
        Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).forEach(s -> set.add(HoldAction.valueOf(s.trim())));
        return set;
    }
}
