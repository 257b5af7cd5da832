package org.credo.scheduling.timetabling.model;

/** A room and how many learners it seats. */
public record Room(String id, int capacity) {}
