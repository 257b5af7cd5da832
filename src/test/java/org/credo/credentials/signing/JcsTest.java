package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JCS gives RFC 8785's own examples. */
class JcsTest {

    private final EddsaJcs2022 jcs = new EddsaJcs2022();

    @Test
    void sortsPropertiesByUtf16AndWritesNumbersTheEcmaScriptWay() {
        var json = TestDocuments.json("""
                {"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000001, 1e-7, 100, -0.0],
                 "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                 "literals": [null, true, false]}
                """);

        assertThat(new String(jcs.canonicalize(json), StandardCharsets.UTF_8))
                .isEqualTo("{\"literals\":[null,true,false],"
                        + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,0.000001,1e-7,100,0],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void ordersKeysByUtf16CodeUnits() {
        var json = TestDocuments.json("""
                {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                 "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}
                """);

        assertThat(new String(jcs.canonicalize(json), StandardCharsets.UTF_8))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }
}
