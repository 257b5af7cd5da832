/**
 * Open Badges 3.0 baked images: a badge picture drawn from the achievement and issuer names (never fetched from
 * anywhere), as SVG with the signed credential in an {@code openbadges:credential} element, or as PNG with it in an
 * uncompressed {@code openbadgecredential} iTXt chunk; and the reverse, reading the credential back out of such a
 * file.
 */
@NullMarked
package org.credo.credentials.badges;

import org.jspecify.annotations.NullMarked;
