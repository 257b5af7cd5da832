/**
 * The requirement rule model (courses, groups, choices, credit minimums), its JSON form and its checks: shared
 * with the degree audit in progress, which evaluates the same trees.
 */
@NamedInterface("requirement")
@NullMarked
package org.credo.catalog.requirement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
