package org.credo.admissions;

import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** The wording of the email that confirms an applicant's sign-up was changed or reset to Credo's default. */
public record SignUpEmailSaved(ChangeStamp stamp, boolean reset) implements Audited {

    @Override
    public String action() {
        return "admissions.sign-up-email.saved";
    }

    @Override
    public String subjectType() {
        return "ApplicantEmailTemplate";
    }

    @Override
    public String subjectId() {
        return stamp.organizationId() + ":VERIFY";
    }

    @Override
    public String subjectName() {
        return "Sign-up confirmation email";
    }

    @Override
    public String summary() {
        return reset ? "Reset the sign-up confirmation email to the default" : "Changed the sign-up confirmation email";
    }
}
