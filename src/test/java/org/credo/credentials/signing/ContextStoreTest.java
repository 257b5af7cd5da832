package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ContextStoreTest {

    private final ContextStore store = ContextStore.shipped();

    @Test
    void servesEveryShippedContextFromTheClasspath() throws Exception {
        assertThat(store.urls()).hasSize(13);
        for (String url : store.urls()) {
            var document = store.documentLoader().loadDocument(URI.create(url), new DocumentLoaderOptions());
            assertThat(document.getJsonContent()).isPresent();
            assertThat(document.getDocumentUrl()).hasToString(url);
        }
        assertThat(store.context("https://www.w3.org/ns/credentials/v2").asJsonObject())
                .containsKey("@context");
    }

    @Test
    void refusesAnyOtherUrlWithoutTouchingTheNetwork() {
        String url = "https://example.com/contexts/unknown.jsonld";

        assertThatThrownBy(() -> store.documentLoader().loadDocument(URI.create(url), new DocumentLoaderOptions()))
                .isInstanceOf(JsonLdError.class)
                .hasMessageContaining("unknown context " + url + ": Credo never fetches contexts from the network");
        assertThatThrownBy(() -> store.context(url))
                .isInstanceOf(ContextStore.UnknownContextException.class)
                .hasMessage("unknown context " + url + ": Credo never fetches contexts from the network");
    }
}
