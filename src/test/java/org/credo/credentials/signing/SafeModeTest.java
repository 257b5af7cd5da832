package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeModeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement",
                "urn:uuid:6a4e3f8e-2f1c-4c55-9a59-0b2a4a6f7c11",
                "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                "_:b0",
                "a+b.c-d:x",
                "mailto:registrar@university.example"
            })
    void absoluteIrisAndBlankNodesPass(String iri) {
        assertThat(SafeMode.isAbsoluteOrBlank(iri)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1EdTechJsonSchemaValidator2019",
                "Achievement",
                ":nothing",
                "1http:x",
                "http://example.com/a b",
                "ht tp://example.com",
                ""
            })
    void relativeOrMalformedIrisFail(String iri) {
        assertThat(SafeMode.isAbsoluteOrBlank(iri)).isFalse();
    }
}
