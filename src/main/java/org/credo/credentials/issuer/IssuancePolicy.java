package org.credo.credentials.issuer;

/**
 * What an organization issues beyond Open Badges, and how: {@code generalCredentials} lets registrars and integrators
 * sign any VC 2.0 or 1.1 credential through the VC-API; {@code suspensionEntries} adds a suspension entry to Open
 * Badges credentials, which makes suspension visible to every verifier but breaks the OB 3.0 JSON Schema (ADR 15).
 */
public record IssuancePolicy(boolean generalCredentials, boolean suspensionEntries) {}
