package org.credo.credentials.signing;

import java.util.Optional;

/** The Data Integrity cryptosuites Credo signs and verifies with. */
public enum Cryptosuite {
    /** {@code eddsa-rdfc-2022}: RDF Dataset Canonicalization of the JSON-LD document. */
    RDFC("eddsa-rdfc-2022"),
    /** {@code eddsa-jcs-2022}: JSON Canonicalization Scheme (RFC 8785) of the JSON document. */
    JCS("eddsa-jcs-2022");

    private final String id;

    Cryptosuite(String id) {
        this.id = id;
    }

    /** The identifier that a proof's {@code cryptosuite} carries. */
    public String id() {
        return id;
    }

    /** The cryptosuite with an identifier, if Credo supports it. */
    public static Optional<Cryptosuite> byId(String id) {
        for (Cryptosuite suite : values()) {
            if (suite.id.equals(id)) {
                return Optional.of(suite);
            }
        }
        return Optional.empty();
    }
}
