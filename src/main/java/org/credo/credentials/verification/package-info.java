/**
 * Verification of credentials by anyone, with no account: the proof, the issuer's key, the validity window, the
 * status lists, and conformance to the Open Badges 3.0 schema, reported check by check in plain words. Contexts and
 * schemas are never fetched; did:web documents and status lists of other servers are fetched over HTTPS from public
 * addresses only, when the operator allows it, and otherwise the check is reported as not done.
 */
@NullMarked
package org.credo.credentials.verification;

import org.jspecify.annotations.NullMarked;
