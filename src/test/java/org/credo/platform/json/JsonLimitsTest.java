package org.credo.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.credo.Cost;
import org.credo.platform.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class JsonLimitsTest {

    static String deepArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String deepObjects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    @Test
    void countsEveryValueButNotTheNamesOfMembers() {
        var scan = JsonScan.of("{\"a\" : [1, \"x\", {\"b\":null}], \"c\":true, \"d\":\"e\\\"f\", \"g\":-1.5e3}");

        // the object, the array, 1, "x", the inner object, null, true, "e\"f", -1.5e3
        assertThat(scan.values()).isEqualTo(9);
        assertThat(scan.depth()).isEqualTo(3);
    }

    @Test
    void countsBytesAsUtf8Does() {
        var random = new Random(21);
        for (int n = 0; n < 200; n++) {
            var text = new StringBuilder("[\"");
            for (int i = 0; i < 50; i++) {
                text.appendCodePoint(random.nextInt(4) == 0 ? 0x1F393 : 0x20 + random.nextInt(0x3000));
            }
            var json = text.append("\"]").toString().replace("\\", "/").replace("\"", "'");

            assertThat(JsonScan.of(json).bytes()).isEqualTo(json.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void readsWhatIsWithinTheLimits() {
        var value = JsonLimits.ANY.read(deepArrays(JsonLimits.MAX_DEPTH), "The test");

        assertThat(value).isInstanceOf(JsonArray.class);
    }

    @Test
    void refusesNestingOneLevelPastTheLimit() {
        assertThatThrownBy(() -> JsonLimits.ANY.read(deepArrays(JsonLimits.MAX_DEPTH + 1), "The test"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getMessage())
                            .isEqualTo("The test is nested too deeply: 65 levels of arrays and"
                                    + " objects > 64, the most Credo reads.");
                });
    }

    @Test
    void refuses100000DeepArraysAndObjectsBeforeAnyParserRecursesIntoThem() throws Exception {
        for (var bomb : new String[] {deepArrays(100_000), deepObjects(100_000)}) {
            var cost = Cost.of(() -> assertThatThrownBy(() -> JsonLimits.ANY.read(bomb, "The body"))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(e.getMessage()).contains("100000 levels", "> 64");
                        assertThat(e.properties()).containsEntry("limit", "depth");
                    }));
            System.out.println(cost.describe("nesting bomb of " + bomb.length() + " characters, read directly"));

            assertThat(cost.cpuMillis()).isLessThan(500);
            assertThat(cost.allocatedBytes()).isLessThan(10_000_000);
        }
    }

    @Test
    void refusesMoreBytesThanTheLimitWith413() {
        var big = "[\"" + "é".repeat(600_000) + "\"]";

        assertThatThrownBy(() -> JsonLimits.ANY.check(big, "The body"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.getMessage())
                            .isEqualTo("The body is too large: 1200004 bytes > 1048576, the most" + " Credo reads.");
                });
    }

    @Test
    void refusesMoreValuesThanTheLimit() {
        var limits = new JsonLimits(JsonLimits.MAX_BYTES, JsonLimits.MAX_DEPTH, 100);
        var many = "[" + "1,".repeat(150) + "1]";

        assertThatThrownBy(() -> limits.check(many, "The list"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.getMessage())
                                .isEqualTo("The list is too large: 152 JSON values > 100, the most Credo reads in one"
                                        + " document."));
    }
}
