/**
 * How much JSON Credo reads from outside: size, nesting and number of values, checked before any parser runs, and the
 * same nesting limit for the application's Jackson mapper (ADR 21).
 */
@NamedInterface("json")
@NullMarked
package org.credo.platform.json;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
