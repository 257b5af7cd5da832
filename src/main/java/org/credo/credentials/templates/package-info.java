/**
 * Each organization's own wording and layout of the emails earners receive and of the PDF certificate. Templates are Mustache
 * (logic-less, escaping by default): an organization never writes Thymeleaf or SpEL, so a template cannot run code on
 * the server. Every save and reset is a new, audited version; the built-in templates apply until an organization
 * saves its own.
 */
@NullMarked
package org.credo.credentials.templates;

import org.jspecify.annotations.NullMarked;
