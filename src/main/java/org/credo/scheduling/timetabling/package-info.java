/**
 * Timetabling with a solver (ADR 0044): a registrar uploads or generates an ITC 2007 {@code .ctt} instance, runs
 * Timefold Solver on it with a time limit, watches the score improve, stops it, reads the score explained per
 * constraint and downloads the timetable. Its events ({@link org.credo.scheduling.timetabling.TimetablingRunStarted},
 * {@link org.credo.scheduling.timetabling.TimetablingRunFinished}) go to the audit trail.
 */
@NullMarked
package org.credo.scheduling.timetabling;

import org.jspecify.annotations.NullMarked;
