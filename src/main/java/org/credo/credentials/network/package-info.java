/**
 * Reading documents that other servers publish (DID documents of did:web issuers, status lists of other issuers),
 * over HTTPS, from public addresses only, with short timeouts, size limits and a small cache.
 *
 * <p>Java 17's {@code HttpClient} looks the host up again when it connects, so a name checked as public could connect
 * somewhere private (DNS rebinding). Credo therefore resolves the name itself, checks every address, and speaks one
 * HTTP/1.1 GET over a TLS socket opened to the checked address, verifying the certificate against the name.
 */
@NullMarked
package org.credo.credentials.network;

import org.jspecify.annotations.NullMarked;
