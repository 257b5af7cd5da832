package org.credo.platform.people;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People, their memberships and roles. */
@Repository
public class People {

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("name", "p.display_name", "email", "p.email", "createdAt", "m.created_at");

    /** The fields the member list can be sorted by; the first is the default. */
    public static final List<String> SORTABLE = List.of("name", "email", "createdAt");

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Person> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM person WHERE email = ?")
                .param(normalizeEmail(email))
                .query(People::person)
                .optional();
    }

    public Optional<Person> findById(UUID id) {
        return jdbc.sql("SELECT * FROM person WHERE id = ?")
                .param(id)
                .query(People::person)
                .optional();
    }

    /** Locks the person's row for the rest of the transaction. */
    public Optional<Person> lock(UUID id) {
        return jdbc.sql("SELECT * FROM person WHERE id = ? FOR UPDATE")
                .param(id)
                .query(People::person)
                .optional();
    }

    public void insert(Person person, boolean demo) {
        jdbc.sql("""
                INSERT INTO person (id, email, display_name, password_hash, created_at, demo)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        person.id(),
                        person.email(),
                        person.displayName(),
                        person.passwordHash(),
                        Timestamps.sql(person.createdAt()),
                        demo)
                .update();
    }

    public void setPassword(UUID personId, String hash) {
        jdbc.sql("UPDATE person SET password_hash = ? WHERE id = ?")
                .params(hash, personId)
                .update();
    }

    public void setDisplayName(UUID personId, String displayName) {
        jdbc.sql("UPDATE person SET display_name = ? WHERE id = ?")
                .params(displayName, personId)
                .update();
    }

    public void setLastOrganization(UUID personId, UUID organizationId) {
        jdbc.sql("UPDATE person SET last_organization_id = ? WHERE id = ?")
                .params(organizationId, personId)
                .update();
    }

    /** Every membership of a person, active or not, by organization name. */
    public List<Membership> memberships(UUID personId) {
        var rows = jdbc.sql("""
                SELECT m.id, m.organization_id, o.name, o.time_zone, m.person_id, m.active, r.role
                FROM membership m JOIN organization o ON o.id = m.organization_id
                LEFT JOIN membership_role r ON r.membership_id = m.id
                WHERE m.person_id = ? ORDER BY o.name, m.id""")
                .param(personId)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, UUID.class),
                    rs.getBoolean(6),
                    rs.getString(7)
                })
                .list();
        var byId = new LinkedHashMap<UUID, Membership>();
        for (var row : rows) {
            var id = (UUID) row[0];
            var membership = byId.computeIfAbsent(
                    id,
                    k -> new Membership(
                            k,
                            (UUID) row[1],
                            (String) row[2],
                            (String) row[3],
                            (UUID) row[4],
                            (Boolean) row[5],
                            EnumSet.noneOf(Role.class)));
            if (row[6] != null) {
                Role.parse((String) row[6]).ifPresent(membership.roles()::add);
            }
        }
        return List.copyOf(byId.values());
    }

    public Optional<Membership> membership(UUID organizationId, UUID personId) {
        return memberships(personId).stream()
                .filter(m -> m.organizationId().equals(organizationId))
                .findFirst();
    }

    public UUID addMembership(UUID organizationId, UUID personId, Set<Role> roles, Instant now) {
        var id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO membership (id, organization_id, person_id, active, created_at) VALUES (?, ?, ?, true, ?)")
                .params(id, organizationId, personId, Timestamps.sql(now))
                .update();
        replaceRoles(id, roles);
        return id;
    }

    public void replaceRoles(UUID membershipId, Set<Role> roles) {
        jdbc.sql("DELETE FROM membership_role WHERE membership_id = ?")
                .param(membershipId)
                .update();
        for (var role : roles) {
            jdbc.sql("INSERT INTO membership_role (membership_id, role) VALUES (?, ?)")
                    .params(membershipId, role.name())
                    .update();
        }
    }

    public void setActive(UUID membershipId, boolean active) {
        jdbc.sql("UPDATE membership SET active = ? WHERE id = ?")
                .params(active, membershipId)
                .update();
    }

    /** Active administrators of an organization, locked so that two requests cannot remove the last one. */
    public int countActiveAdministrators(UUID organizationId) {
        return jdbc.sql("""
                SELECT m.id FROM membership m
                WHERE m.organization_id = ? AND m.active
                  AND EXISTS (SELECT 1 FROM membership_role r WHERE r.membership_id = m.id AND r.role = 'ADMINISTRATOR')
                FOR UPDATE""").param(organizationId).query(UUID.class).list().size();
    }

    /** One page of an organization's members, optionally matching a search text in name or email. */
    public PageResult<PersonRow> members(UUID organizationId, @Nullable String search, PageQuery page) {
        var pattern = search == null || search.isBlank() ? "%" : "%" + escapeLike(search.trim()) + "%";
        long total = jdbc.sql("""
                SELECT count(*) FROM membership m JOIN person p ON p.id = m.person_id
                WHERE m.organization_id = ? AND (p.display_name ILIKE ? OR p.email ILIKE ?)""")
                .params(organizationId, pattern, pattern)
                .query(Long.class)
                .single();
        var rows = jdbc.sql("""
                SELECT p.id, p.email, p.display_name, m.active, p.password_hash IS NULL AS invited, m.created_at,
                       (SELECT string_agg(r.role, ',') FROM membership_role r WHERE r.membership_id = m.id) AS roles
                FROM membership m JOIN person p ON p.id = m.person_id
                WHERE m.organization_id = ? AND (p.display_name ILIKE ? OR p.email ILIKE ?)
                ORDER BY\s""" + page.orderBy(SORT_COLUMNS, "p.id") + " LIMIT ? OFFSET ?")
                .params(organizationId, pattern, pattern, page.size(), page.offset())
                .query((rs, n) -> new PersonRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        parseRoles(rs.getString("roles")),
                        rs.getBoolean("active"),
                        rs.getBoolean("invited"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        return PageResult.of(rows, page, total);
    }

    private static Person person(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Person(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                rs.getObject("last_organization_id", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }

    static Set<Role> parseRoles(@Nullable String csv) {
        if (csv == null || csv.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        var roles = EnumSet.noneOf(Role.class);
        for (var name : csv.split(",")) {
            Role.parse(name).ifPresent(roles::add);
        }
        return roles;
    }

    static String rolesText(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    /** Emails are compared without case and surrounding spaces. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
