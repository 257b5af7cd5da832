/**
 * The Timefold Solver model of curriculum-based course timetabling (ADR 0044): lectures are planning entities with a
 * period and a room to choose, pinned lectures stay put, and the constraints are the ITC 2007 ones with the
 * competition's weights.
 */
@NullMarked
package org.credo.scheduling.timetabling.solver;

import org.jspecify.annotations.NullMarked;
