package org.credo.scheduling.timetabling.run;

import java.util.UUID;

/**
 * The term a run timetables and how its instance maps back onto the term's sections, rooms and meeting times, as
 * {@code org.credo.scheduling.timetabling.term.TermMap} writes it.
 */
public record TermBinding(UUID termId, String map) {}
