package org.credo.admissions.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an applicant's full name becomes the given and family names of their learner record. */
class PersonNameTest {

    @Test
    void theLastWordIsTheFamilyNameAndASingleWordIsBoth() {
        assertThat(PersonName.of("  Ada King  Lovelace ")).isEqualTo(new PersonName("Ada King", "Lovelace"));
        assertThat(PersonName.of("Zendaya")).isEqualTo(new PersonName("Zendaya", "Zendaya"));
    }
}
