package org.credo.credentials.templates;

/** Something wrong with a template, and which part of it ({@code subject}, {@code html} or {@code text}). */
public record TemplateProblem(String field, String message) {}
