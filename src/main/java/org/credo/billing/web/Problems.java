package org.credo.billing.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credo.platform.ProblemException;

/** The fields a refused form names, with their messages, for marking them on the page. */
final class Problems {

    private Problems() {}

    @SuppressWarnings("unchecked")
    static LinkedHashMap<String, String> fields(ProblemException e) {
        var out = new LinkedHashMap<String, String>();
        if (e.properties().get("errors") instanceof List<?> errors) {
            for (var error : errors) {
                var map = (Map<String, Object>) error;
                out.put(String.valueOf(map.get("field")), String.valueOf(map.get("message")));
            }
        }
        return out;
    }
}
