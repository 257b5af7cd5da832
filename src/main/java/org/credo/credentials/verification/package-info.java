/**
 * Verification of credentials by anyone, with no account: the proof, the issuer's key, the validity window, the
 * status lists of this server, and conformance to the Open Badges 3.0 schema, reported check by check in plain
 * words. Nothing is fetched from the network: contexts, schemas and keys are local or the check is reported as not
 * done.
 */
@NullMarked
package org.credo.credentials.verification;

import org.jspecify.annotations.NullMarked;
