package org.credo.credentials.issuer;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.credo.credentials.network.FetchFailure;
import org.credo.credentials.network.RemoteDocuments;
import org.springframework.stereotype.Component;

/** The keys of did:web issuers on other servers, read from their DID documents over the network. */
@Component
class RemoteIssuerKeys {

    private final RemoteDocuments documents;

    RemoteIssuerKeys(RemoteDocuments documents) {
        this.documents = documents;
    }

    KeyLookup find(String verificationMethodId) {
        var hash = verificationMethodId.indexOf('#');
        var did = hash < 0 ? verificationMethodId : verificationMethodId.substring(0, hash);
        java.net.URI url;
        try {
            url = DidWeb.documentUrl(did);
        } catch (IllegalArgumentException e) {
            return new KeyLookup.Unreachable(e.getMessage() + ", so its DID document was not fetched.");
        }
        JsonObject document;
        try (var reader =
                Json.createReader(new StringReader(documents.fetch(url, RemoteDocuments.Kind.DID_DOCUMENT)))) {
            document = reader.readObject();
        } catch (FetchFailure e) {
            return new KeyLookup.Unreachable(
                    "The DID document of " + did + " could not be fetched: " + e.getMessage() + ".");
        } catch (JsonException | IllegalStateException e) {
            return new KeyLookup.Missing("The DID document of " + did + " at " + url + " is not a JSON object.");
        }
        try {
            return new KeyLookup.Found(
                    DidWeb.publicKey(document, did, verificationMethodId), "its DID document at " + url);
        } catch (IllegalArgumentException e) {
            return new KeyLookup.Missing(e.getMessage() + " (" + url + ").");
        }
    }
}
