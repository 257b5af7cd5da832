package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.rdf.api.RdfConsumerException;
import org.credo.Cost;
import org.junit.jupiter.api.Test;

/** Canonicalization stops at its limits in well under a second, whatever the dataset's shape. */
class CanonicalizationLimitsTest {

    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

    @Test
    void moreQuadsThanTheLimitAreRefused() throws Exception {
        var quads = new CanonicalNQuads();
        for (int i = 0; i < DocumentLimits.MAX_QUADS; i++) {
            quads.quad("https://example.com/s", "https://example.com/p", "v" + i, XSD_STRING, null, null, null);
        }

        assertThatThrownBy(() -> quads.quad(
                        "https://example.com/s", "https://example.com/p", "one more", XSD_STRING, null, null, null))
                .isInstanceOf(RdfConsumerException.class)
                .hasMessage("the document is too large: over 20000 RDF quads, the limit of canonicalization");
    }

    @Test
    void manyBlankNodesThatLookAlikeAreRefusedBeforeNDegreeHashing() throws Exception {
        var quads = new CanonicalNQuads();
        for (int i = 0; i < 3000; i++) {
            quads.quad(
                    "https://example.com/achievement",
                    "https://example.com/alignment",
                    "_:b" + i,
                    null,
                    null,
                    null,
                    null);
            quads.quad("_:b" + i, "https://example.com/targetName", "same", XSD_STRING, null, null, null);
        }

        var cost = Cost.of(() -> assertThatThrownBy(quads::canonicalForm)
                .isInstanceOf(RdfConsumerException.class)
                .hasMessageContaining("2999 blank nodes that look alike > 1000"));
        System.out.println(cost.describe("3,000 look-alike blank nodes"));

        assertThat(cost.cpuMillis()).isLessThan(1000);
    }

    @Test
    void lookAlikeBlankNodesUpToTheLimitAreStillCanonicalizedInWellUnderASecond() throws Exception {
        var quads = new CanonicalNQuads();
        for (int i = 0; i <= DocumentLimits.MAX_LOOK_ALIKE_BLANK_NODES; i++) {
            quads.quad(
                    "https://example.com/achievement",
                    "https://example.com/alignment",
                    "_:b" + i,
                    null,
                    null,
                    null,
                    null);
            quads.quad("_:b" + i, "https://example.com/targetName", "same", XSD_STRING, null, null, null);
        }

        var cost = Cost.of(() -> assertThat(quads.canonicalForm()).contains("_:c14n1000"));
        System.out.println(cost.describe("1,001 look-alike blank nodes canonicalized"));

        assertThat(cost.cpuMillis()).isLessThan(1000);
    }

    @Test
    void aCliqueOfLookAlikeBlankNodesIsStoppedInWellUnderASecond() throws Exception {
        // Every node knows every other: N-degree hashing tries every order of them, 8! and more.
        var quads = new CanonicalNQuads();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                if (i != j) {
                    quads.quad("_:b" + i, "https://example.com/knows", "_:b" + j, null, null, null, null);
                }
            }
        }

        var cost = Cost.of(() -> assertThatThrownBy(quads::canonicalForm)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the document is too costly to canonicalize: over 50000 N-degree hashing steps, the"
                        + " limit of canonicalization"));
        System.out.println(cost.describe("clique of 8 look-alike blank nodes"));

        assertThat(cost.cpuMillis()).isLessThan(1000);
    }
}
