/**
 * OpenID for Verifiable Credential Issuance 1.0, pre-authorized code flow: the earner's credential offer
 * (QR code and deep link), issuer and authorization server metadata, the token, nonce and credential
 * endpoints, and the delivery of the earner's credential bound to the wallet's key. See ADR 0009.
 */
@NullMarked
package org.credo.credentials.oid4vci;

import org.jspecify.annotations.NullMarked;
