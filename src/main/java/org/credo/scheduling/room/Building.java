package org.credo.scheduling.room;

import java.util.UUID;

/** A building of the campus, by its short code and name. */
public record Building(UUID id, String code, String name) {}
