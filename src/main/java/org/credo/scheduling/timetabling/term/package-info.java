/**
 * Timetabling a term's real sections (ADR 0056): a term's sections, rooms and instructors become an ITC 2007
 * instance over a weekly slot grid, the solver's timetable maps back onto each section's meetings, and the registrar
 * accepts all or some of the proposed changes through the scheduling module's own meeting service.
 */
@NullMarked
package org.credo.scheduling.timetabling.term;

import org.jspecify.annotations.NullMarked;
