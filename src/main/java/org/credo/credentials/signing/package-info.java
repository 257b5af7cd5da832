/**
 * Keys, did:key identifiers, JSON-LD context handling and W3C Data Integrity proofs
 * ({@code eddsa-rdfc-2022}, {@code eddsa-jcs-2022}). Nothing outside the credentials module signs anything.
 */
@NullMarked
package org.credo.credentials.signing;

import org.jspecify.annotations.NullMarked;
