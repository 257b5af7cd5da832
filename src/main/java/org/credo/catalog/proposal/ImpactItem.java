package org.credo.catalog.proposal;

/** A program or course that references a course being changed or retired, and how. */
public record ImpactItem(String kind, String code, String name, String reference) {}
