package org.credo.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.credo.CredoTest;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.payments.Settlements;
import org.credo.learners.Learners;
import org.credo.platform.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Settlement files: every bad line reported and nothing applied, or every line posted once. */
@CredoTest
class BillingSettlementTest {

    @Autowired
    BillingFixture fixture;

    @Autowired
    Settlements settlements;

    @Autowired
    Learners learners;

    @Autowired
    Ledger ledger;

    @BeforeEach
    void settings() {
        fixture.settings();
    }

    @Test
    void aFileWithUnknownLearnersBadAmountsOrAnotherCurrencyAppliesNothingAndNamesEveryLine() {
        var learner = fixture.learner("Settled");
        var number =
                learners.find(fixture.organization(), learner).orElseThrow().learnerNumber();
        var file = """
                date,learner_number,amount,currency,reference
                2026-12-01,%s,100.00,USD,ST-1
                2026-12-01,NOBODY-1,50.00,USD,ST-2
                2026-12-01,%s,12.345,USD,ST-3
                2026-12-01,%s,-4,USD,ST-4
                2026-12-01,%s,10.00,EUR,ST-5
                """.formatted(number, number, number, number);
        assertThatThrownBy(() -> settlements.apply(fixture.stamp(), Settlements.bytes(file)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.properties().get("lines").toString())
                            .contains("line=3, column=learner_number")
                            .contains("line=4, column=amount")
                            .contains("line=5, column=amount")
                            .contains("line=6, column=currency");
                });
        assertThat(ledger.balance(fixture.organization(), learner))
                .as("nothing half-applied")
                .isEqualByComparingTo("0");
    }

    @Test
    void aCleanFileIsPostedOnceEvenWhenImportedAgain() {
        var learner = fixture.learner("Clean");
        var number =
                learners.find(fixture.organization(), learner).orElseThrow().learnerNumber();
        var reference = "ST-" + java.util.UUID.randomUUID();
        var file = """
                date,learner_number,amount,currency,reference
                2026-12-01,%s,100.00,USD,%s-a
                2026-12-02,%s,25.50,usd,%s-b
                """.formatted(number, reference, number, reference);
        var first = settlements.apply(fixture.stamp(), Settlements.bytes(file));
        assertThat(first.posted()).isEqualTo(2);
        assertThat(first.total()).isEqualByComparingTo("125.50");
        var again = settlements.apply(fixture.stamp(), Settlements.bytes(file));
        assertThat(again.posted()).isZero();
        assertThat(again.alreadyPosted()).isEqualTo(2);
        assertThat(ledger.balance(fixture.organization(), learner)).isEqualByComparingTo("-125.50");
    }
}
