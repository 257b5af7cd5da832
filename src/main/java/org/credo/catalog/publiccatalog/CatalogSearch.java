package org.credo.catalog.publiccatalog;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the current published programs and courses of an organization. Every word of the query must
 * start a word of the entry (so "data" finds "database", "cs 101" finds CS 101); on PostgreSQL through
 * the weighted tsvector and its GIN index, ranked by {@code ts_rank}; on H2 by matching the same
 * normalized words with {@code LIKE}, ranked by how many words hit the name. Both find the same
 * entries; only the order among equally good hits may differ.
 */
@Component
class CatalogSearch {

    /** Only entries that are their item's current version on the given day, and not retired. */
    static final String CURRENT = "e.organization_id = :org AND e.valid_from <= :today"
            + " AND (e.valid_until IS NULL OR e.valid_until > :today) AND e.retired = false";

    /**
     * Results are counted up to this many; beyond it the page says "more than". Counting every hit of a
     * very common word costs as much as the search itself, and nobody pages past it.
     */
    static final int MAX_COUNTED = 1000;

    private final JdbcClient jdbc;
    private final boolean postgres;

    CatalogSearch(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (var connection = dataSource.getConnection()) {
            this.postgres = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        }
    }

    /**
     * One page of the entries that match, best first (or programs then courses by name, without words).
     * {@code totalItems} stops at {@value #MAX_COUNTED} + 1: more than {@value #MAX_COUNTED} hits are
     * not counted exactly.
     */
    @Transactional(readOnly = true)
    PageResult<SearchHit> search(UUID organizationId, LocalDate today, SearchQuery raw, PageQuery page) {
        var query = raw.normalized();
        var words = query.text() == null ? List.<String>of() : SearchText.queryWords(query.text());
        var params = new LinkedHashMap<String, Object>();
        params.put("org", organizationId);
        params.put("today", today);
        var where = new StringBuilder(CURRENT);
        filter(where, params, "e.item_kind", "kind", query.kind());
        filter(where, params, "e.program_type", "programType", query.programType());
        filter(where, params, "e.level", "level", query.level());
        filter(where, params, "e.delivery_mode", "deliveryMode", query.deliveryMode());
        if (query.subject() != null) {
            where.append(" AND e.subjects LIKE :subject");
            params.put("subject", "% " + SearchText.normalize(query.subject()).toUpperCase(Locale.ROOT) + " %");
        }
        String order;
        if (words.isEmpty()) {
            order = "e.item_kind DESC, e.sort_name, e.id";
        } else if (postgres) {
            where.append(" AND e.search_vector @@ to_tsquery('simple', :tsquery)");
            params.put(
                    "tsquery",
                    String.join(" & ", words.stream().map(w -> w + ":*").toList()));
            order = "ts_rank(e.search_vector, to_tsquery('simple', :tsquery)) DESC, e.sort_name, e.id";
        } else {
            var rank = new ArrayList<String>();
            for (int i = 0; i < words.size(); i++) {
                where.append(" AND (' ' || e.title_text || ' ' || e.keyword_text || ' ' || e.body_text) LIKE :w")
                        .append(i);
                params.put("w" + i, "% " + words.get(i) + "%");
                rank.add("CASE WHEN (' ' || e.title_text) LIKE :w" + i + " THEN 4 WHEN (' ' || e.keyword_text) LIKE :w"
                        + i + " THEN 2 ELSE 1 END");
            }
            order = "(" + String.join(" + ", rank) + ") DESC, e.sort_name, e.id";
        }
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM catalog_search_entry e WHERE " + where + " LIMIT "
                        + (MAX_COUNTED + 1) + ") AS counted")
                .params(params)
                .query(Long.class)
                .single();
        var hits = total == 0
                ? List.<SearchHit>of()
                : jdbc.sql("SELECT e.item_kind, e.item_id, e.code, e.name, e.summary, e.program_type, e.level,"
                                + " e.delivery_mode, e.credits FROM catalog_search_entry e WHERE " + where
                                + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                        .params(params)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query((rs, n) -> new SearchHit(
                                rs.getString("item_kind"),
                                rs.getObject("item_id", UUID.class),
                                rs.getString("code"),
                                rs.getString("name"),
                                rs.getString("summary"),
                                rs.getString("program_type"),
                                rs.getString("level"),
                                rs.getString("delivery_mode"),
                                rs.getBigDecimal("credits")))
                        .list();
        return PageResult.of(hits, page, total);
    }

    /** The values the filters offer: levels of current programs and subjects of current courses. */
    @Transactional(readOnly = true)
    Facets facets(UUID organizationId, LocalDate today) {
        Map<String, Object> params = Map.of("org", organizationId, "today", today);
        var levels = jdbc.sql("SELECT DISTINCT e.level FROM catalog_search_entry e WHERE " + CURRENT
                        + " AND e.item_kind = 'PROGRAM' ORDER BY e.level")
                .params(params)
                .query(String.class)
                .list();
        var subjects = jdbc.sql("SELECT DISTINCT TRIM(e.subjects) AS subject FROM catalog_search_entry e WHERE "
                        + CURRENT + " AND e.item_kind = 'COURSE' ORDER BY subject")
                .params(params)
                .query(String.class)
                .list();
        return new Facets(levels, subjects);
    }

    private static void filter(
            StringBuilder where, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    /** Filter values. */
    record Facets(List<String> levels, List<String> subjects) {}
}
