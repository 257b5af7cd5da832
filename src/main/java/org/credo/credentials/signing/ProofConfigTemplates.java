package org.credo.credentials.signing;

import com.apicatalog.jsonld.JsonLdError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Canonical proof configurations as templates with a hole for {@code created}.
 *
 * <p>An issuer's proof configurations differ only by {@code created}. Its canonical form is computed once with a
 * placeholder date, and each proof fills in its own. That gives exactly the bytes of the general algorithm when the
 * configuration is a single blank node (so its label is {@code _:c14n0} whatever the values) with one {@code created}
 * statement (so the sort order of the lines is settled by their predicates before the date is reached), and the date
 * is a plain {@code xsd:dateTime} that N-Quads writes unescaped. A configuration that does not meet all three is
 * canonicalized in full, every time. A test compares both paths on many dates.
 */
final class ProofConfigTemplates {

    private static final int MAX_ENTRIES = 256;

    private static final String PLACEHOLDER = "1000-01-01T00:00:00Z";

    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private static final Pattern OTHER_BLANK_NODE = Pattern.compile("_:c14n(?!0 )");

    /** The canonical form around the date; absent for a configuration the template cannot serve. */
    private record Template(String before, String after) {}

    private final Map<JsonObject, Optional<Template>> templates = new ConcurrentHashMap<>();

    /** The canonical N-Quads, by the template where it applies, else by the general algorithm. */
    String canonicalize(JsonObject proofConfig, RdfCanonicalizer canonicalizer) throws JsonLdError {
        if (!(proofConfig.get("created") instanceof JsonString created)
                || !DATE_TIME.matcher(created.getString()).matches()) {
            return canonicalizer.canonicalize(proofConfig);
        }
        var key = JsonValues.copy(proofConfig)
                .add("created", Json.createValue(PLACEHOLDER))
                .build();
        var template = templates.get(key);
        if (template == null) {
            template = template(canonicalizer.canonicalize(key));
            if (templates.size() >= MAX_ENTRIES) {
                templates.clear();
            }
            templates.put(key, template);
        }
        if (template.isEmpty()) {
            return canonicalizer.canonicalize(proofConfig);
        }
        return template.get().before() + created.getString() + template.get().after();
    }

    /** How many configurations are served by a template (for tests). */
    long templated() {
        return templates.values().stream().filter(Optional::isPresent).count();
    }

    private static Optional<Template> template(String canonical) {
        var literal = '"' + PLACEHOLDER + '"';
        int at = canonical.indexOf(literal);
        if (at < 0
                || canonical.indexOf(literal, at + 1) >= 0
                || OTHER_BLANK_NODE.matcher(canonical).find()) {
            return Optional.empty();
        }
        int lineStart = canonical.lastIndexOf('\n', at) + 1;
        var statementPrefix = canonical.substring(lineStart, at);
        if (canonical.indexOf(statementPrefix) != lineStart
                || canonical.indexOf("\n" + statementPrefix, lineStart) >= 0) {
            return Optional.empty();
        }
        return Optional.of(
                new Template(canonical.substring(0, at + 1), canonical.substring(at + 1 + PLACEHOLDER.length())));
    }
}
