package org.credo.scheduling.timetabling.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** Why a constraint penalizes the timetable, in words a registrar reads in the score explanation. */
public record Finding(String description) implements ConstraintJustification {}
