package org.credo.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.billing.charges.Adjustment;
import org.credo.billing.charges.Adjustments;
import org.credo.billing.charges.RegistrationCharges;
import org.credo.billing.holds.BillingHoldJob;
import org.credo.billing.ledger.AccountCode;
import org.credo.billing.ledger.EntryDraft;
import org.credo.billing.ledger.EntryKind;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.ledger.Posting;
import org.credo.billing.payments.PaymentMethod;
import org.credo.billing.payments.Payments;
import org.credo.billing.reports.Reports;
import org.credo.learners.HoldAction;
import org.credo.learners.Holds;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Charges from registration events, refunds by the scale, payments, credits, reversals, approvals and holds. */
@CredoTest
class BillingLedgerTest {

    @Autowired
    BillingFixture fixture;

    @Autowired
    RegistrationCharges charges;

    @Autowired
    Ledger ledger;

    @Autowired
    Payments payments;

    @Autowired
    Adjustments adjustments;

    @Autowired
    Reports reports;

    @Autowired
    Holds holds;

    @Autowired
    BillingHoldJob holdJob;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void settings() {
        fixture.settings();
    }

    @Test
    void aRegistrationIsChargedOnceAndThePlateauCostsTheSameFrom12To18Credits() {
        var term = fixture.term();
        var learner = fixture.learner("Plateau");
        var today = LocalDate.now();
        var first = fixture.registered(learner, term, UUID.randomUUID(), "DATA 101", "4", today);

        charges.registered(first);
        charges.registered(first);
        assertThat(ledger.balance(fixture.organization(), learner)).isEqualByComparingTo("1200.00");

        charges.registered(fixture.registered(learner, term, UUID.randomUUID(), "DATA 102", "4", today));
        charges.registered(fixture.registered(learner, term, UUID.randomUUID(), "LAB 100", "4", today));
        assertThat(ledger.balance(fixture.organization(), learner))
                .as("12 credits cost the plateau's 4,000.00, plus the 50.00 lab fee")
                .isEqualByComparingTo("4050.00");

        charges.registered(fixture.registered(learner, term, UUID.randomUUID(), "DATA 103", "3", today));
        assertThat(ledger.balance(fixture.organization(), learner))
                .as("15 credits cost the same as 12")
                .isEqualByComparingTo("4050.00");
        assertThat(fixture.unbalancedEntries()).isEmpty();
    }

    @Test
    void aDropBeforeTheDropDateRefundsEverythingAndLaterTheScaleGives() {
        var term = fixture.term();
        var learner = fixture.learner("Dropper");
        var today = LocalDate.now();
        var lab = UUID.randomUUID();
        charges.registered(fixture.registered(learner, term, lab, "LAB 100", "3", today));
        charges.registered(fixture.registered(learner, term, UUID.randomUUID(), "DATA 101", "3", today));
        assertThat(ledger.balance(fixture.organization(), learner)).isEqualByComparingTo("1850.00");

        var drop = fixture.dropped(learner, term, lab, "LAB 100", "3", today);
        charges.dropped(drop);
        charges.dropped(drop);
        assertThat(ledger.balance(fixture.organization(), learner))
                .as("before the drop date: all 900.00 tuition and the 50.00 fee back, once")
                .isEqualByComparingTo("900.00");

        var tenDaysLate = today.plusDays(BillingFixture.LAST_DROP + 10);
        charges.withdrew(fixture.withdrew(learner, term, UUID.randomUUID(), "DATA 101", "3", tenDaysLate));
        assertThat(ledger.balance(fixture.organization(), learner))
                .as("10 days after the drop date the scale refunds 50 % of 900.00")
                .isEqualByComparingTo("450.00");
    }

    @Test
    void anEventDeliveredThroughTheRegistryChargesTheAccount() {
        var term = fixture.term();
        var learner = fixture.learner("Listened");
        transactions.executeWithoutResult(s -> events.publishEvent(
                fixture.registered(learner, term, UUID.randomUUID(), "DATA 101", "2", LocalDate.now())));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ledger.balance(fixture.organization(), learner))
                        .isEqualByComparingTo("600.00"));
    }

    @Test
    void anOverpaymentIsACreditTheBursarRefundsButNeverMoreThanIt() {
        var term = fixture.term();
        var learner = fixture.learner("Overpayer");
        var stamp = fixture.stamp();
        charges.registered(fixture.registered(learner, term, UUID.randomUUID(), "DATA 101", "1", LocalDate.now()));
        payments.receive(stamp, learner, PaymentMethod.CHECK, new BigDecimal("500.00"), "1042", null);
        assertThat(ledger.balance(fixture.organization(), learner)).isEqualByComparingTo("-200.00");

        assertThatThrownBy(() -> payments.refundCredit(fixture.stamp(), learner, new BigDecimal("200.01"), "check"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("refund at most");
        payments.refundCredit(fixture.stamp(), learner, new BigDecimal("150.00"), "Refund check 88");
        assertThat(ledger.balance(fixture.organization(), learner)).isEqualByComparingTo("-50.00");
        assertThat(reports.trialBalance(fixture.organization()).net()).isEqualByComparingTo("0");
    }

    @Test
    void badAmountsAreRefusedWithTheFieldNamed() {
        var learner = fixture.learner("BadAmount");
        for (var amount : List.of("-5.00", "0", "10.005", "1000000000")) {
            assertThatThrownBy(() -> payments.receive(
                            fixture.stamp(), learner, PaymentMethod.CASH, new BigDecimal(amount), null, null))
                    .as(amount)
                    .isInstanceOf(ProblemException.class)
                    .hasMessageStartingWith("amount:");
        }
        assertThatThrownBy(() ->
                        payments.receive(fixture.stamp(), learner, PaymentMethod.CHECK, BigDecimal.TEN, " ", null))
                .hasMessageStartingWith("reference:");
        assertThat(ledger.balance(fixture.organization(), learner)).isEqualByComparingTo("0");
    }

    @Test
    void anUnbalancedEntryIsRefusedBeforeAnythingIsWritten() {
        var learner = fixture.learner("Unbalanced");
        assertThatThrownBy(() -> ledger.post(
                        fixture.stamp(),
                        new EntryDraft(
                                EntryKind.MANUAL_CHARGE,
                                "unbalanced",
                                LocalDate.now(),
                                learner,
                                null,
                                List.of(
                                        Posting.debit(AccountCode.RECEIVABLES, learner, new BigDecimal("10.00"), null),
                                        Posting.credit(AccountCode.FEE_REVENUE, null, new BigDecimal("9.99"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("balance");
        assertThat(fixture.postingsOf(learner)).isEqualByComparingTo("0");
    }

    @Test
    void aPostedEntryIsReversedOnceAndNeverChanged() {
        var learner = fixture.learner("Reversed");
        var payment = payments.receive(
                        fixture.stamp(), learner, PaymentMethod.CASH, new BigDecimal("75.00"), null, null)
                .orElseThrow();
        var reversal = ledger.reverse(fixture.stamp(), payment.id(), "Counterfeit note");
        assertThat(reversal.reversesId()).isEqualTo(payment.id());
        assertThat(ledger.balance(fixture.organization(), learner)).isEqualByComparingTo("0");
        assertThatThrownBy(() -> ledger.reverse(fixture.stamp(), payment.id(), "again"))
                .hasMessageContaining("reversed already");
        assertThatThrownBy(() -> ledger.reverse(fixture.stamp(), reversal.id(), "undo"))
                .isInstanceOf(ProblemException.class);
        if (fixture.postgres()) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE journal_posting SET amount = 1 WHERE entry_id = ?")
                            .param(payment.id())
                            .update())
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal_entry WHERE id = ?")
                            .param(payment.id())
                            .update())
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void aLargeAdjustmentWaitsForASecondBursar() {
        var learner = fixture.learner("Adjusted");
        var first = ChangeStamp.by(fixture.organization(), UUID.randomUUID(), "First Bursar");
        var small = adjustments.request(
                first, learner, Adjustment.Kind.CHARGE, new BigDecimal("25.00"), "Library fine", null);
        assertThat(small.status()).isEqualTo(Adjustment.Status.POSTED);
        assertThatThrownBy(() -> adjustments.request(first, learner, Adjustment.Kind.CHARGE, BigDecimal.TEN, " ", null))
                .hasMessageStartingWith("reason:");

        var large = adjustments.request(
                first, learner, Adjustment.Kind.CHARGE, new BigDecimal("1500.00"), "Housing damage", null);
        assertThat(large.status()).isEqualTo(Adjustment.Status.PENDING);
        assertThat(ledger.balance(fixture.organization(), learner)).isEqualByComparingTo("25.00");
        assertThatThrownBy(() -> adjustments.approve(
                        ChangeStamp.by(fixture.organization(), first.actorId(), "First Bursar"), large.id()))
                .hasMessageContaining("second bursar");
        var approved = adjustments.approve(
                ChangeStamp.by(fixture.organization(), UUID.randomUUID(), "Second Bursar"), large.id());
        assertThat(approved.status()).isEqualTo(Adjustment.Status.POSTED);
        assertThat(ledger.balance(fixture.organization(), learner)).isEqualByComparingTo("1525.00");
    }

    @Test
    void aPastDueBalanceOverTheThresholdHoldsTheLearnerOnceAndPayingReleasesIt() {
        var term = fixture.term();
        var learner = fixture.learner("PastDue");
        var organization = fixture.organization();
        charges.registered(fixture.registered(
                learner,
                term,
                UUID.randomUUID(),
                "DATA 101",
                "3",
                LocalDate.now().minusDays(40)));

        holdJob.runOn(LocalDate.now());
        holdJob.runOn(LocalDate.now());
        assertThat(holds.blocks(organization, learner, HoldAction.REGISTRATION)).isTrue();
        assertThat(holds.blocks(organization, learner, HoldAction.TRANSCRIPT)).isTrue();
        assertThat(holds.history(organization, learner))
                .as("two runs place one hold")
                .hasSize(1);

        payments.receive(fixture.stamp(), learner, PaymentMethod.CARD, new BigDecimal("500.00"), "T-77", null);
        assertThat(holds.blocks(organization, learner, HoldAction.REGISTRATION))
                .as("400.00 still past due, under the 500.00 threshold")
                .isFalse();
        holdJob.runOn(LocalDate.now());
        assertThat(holds.history(organization, learner)).hasSize(1);
    }
}
