package org.credo.billing.charges;

import org.credo.registration.LearnerDropped;
import org.credo.registration.LearnerRegistered;
import org.credo.registration.LearnerWithdrew;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Hears registration's events through the event publication registry, so no charge is lost to a crash. */
@Component
class RegistrationListener {

    private final RegistrationCharges charges;

    RegistrationListener(RegistrationCharges charges) {
        this.charges = charges;
    }

    @ApplicationModuleListener
    void on(LearnerRegistered event) {
        charges.registered(event);
    }

    @ApplicationModuleListener
    void on(LearnerDropped event) {
        charges.dropped(event);
    }

    @ApplicationModuleListener
    void on(LearnerWithdrew event) {
        charges.withdrew(event);
    }
}
