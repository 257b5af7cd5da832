/**
 * The ITC 2007 curriculum-based course timetabling problem in plain Java: the instance and its {@code .ctt} format,
 * the solution format, the competition's scorer and a generator of instances. Nothing here needs Spring or the
 * solver, so the bench compiles it alone.
 */
@NullMarked
package org.credo.scheduling.timetabling.model;

import org.jspecify.annotations.NullMarked;
