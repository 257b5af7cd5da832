package org.credo.registration.enrollment;

import java.util.UUID;

/** Seats freed in a section whose waitlist enrolls the next learners at once instead of offering the seats. */
record FreedSeats(UUID organizationId, UUID sectionId) {}
