package org.credo.scheduling.timetabling.solver;

/**
 * A period of the day (from 0) that Credo's own preference would rather leave empty: a term's evening slots (ADR
 * 0056). Penalized on the third score level, after the ITC penalty, so the ITC score does not change.
 */
public record LatePeriod(int timeslot) {}
