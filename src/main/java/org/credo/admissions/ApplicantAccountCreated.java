package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;
import org.jspecify.annotations.Nullable;

/**
 * An applicant followed the emailed link of their sign-up: the address is verified, and a person with the APPLICANT
 * role in the organization now exists.
 */
public record ApplicantAccountCreated(
        ChangeStamp stamp,
        UUID personId,
        String email,
        String name,
        @Nullable String programCode) implements Audited {

    @Override
    public String action() {
        return "applicant.account-created";
    }

    @Override
    public String subjectType() {
        return "Person";
    }

    @Override
    public String subjectId() {
        return personId.toString();
    }

    @Override
    public String subjectName() {
        return name;
    }

    @Override
    public String summary() {
        return name + " verified " + email + " and opened an applicant account"
                + (programCode == null ? "" : " (signed up from program " + programCode + ")");
    }
}
