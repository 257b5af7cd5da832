/** Credo's settings ({@code credo.*}) and the key-encryption secret, for modules that need them. */
@NamedInterface("config")
@NullMarked
package org.credo.platform.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
