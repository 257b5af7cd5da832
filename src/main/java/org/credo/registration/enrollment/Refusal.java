package org.credo.registration.enrollment;

/**
 * Why a registration cannot go ahead, and how to resolve it. {@code overridable} refusals may be set aside by the
 * registrar or the section's instructor with a reason (a permission); the others never (a hold, a full section).
 */
public record Refusal(String code, String message, String resolution, boolean overridable) {}
