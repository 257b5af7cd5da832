package org.credo.credentials.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Status indices for transactions side by side: nobody waits, nobody shares an index, a rollback frees them. */
@CredoTest
class StatusListAllocationTest {

    @Autowired
    StatusLists lists;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void issuanceSideBySideTakesAnotherOpenListInsteadOfWaiting() throws Exception {
        var org = CredentialFixtures.northfield(jdbc);
        var issuer = "did:web:side-by-side.example:" + UUID.randomUUID();
        var transactions = new TransactionTemplate(transactionManager);
        // A list exists before either transaction starts, as it would after the first credential.
        var first = transactions.execute(tx -> lists.allocate(org, issuer, StatusPurpose.REVOCATION, 1));
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);

        var slow = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            var slots = lists.allocate(org, issuer, StatusPurpose.REVOCATION, 200);
            holding.countDown();
            await(release);
            return slots;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        List<StatusSlot> meanwhile;
        try {
            meanwhile = CompletableFuture.supplyAsync(() ->
                            transactions.execute(tx -> lists.allocate(org, issuer, StatusPurpose.REVOCATION, 200)))
                    .get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
        var held = slow.get(10, TimeUnit.SECONDS);

        assertThat(meanwhile)
                .extracting(StatusSlot::listId)
                .doesNotContain(held.get(0).listId());
        var all = new HashSet<String>();
        for (var slot : concat(first, held, meanwhile)) {
            assertThat(all.add(slot.listId() + "#" + slot.index()))
                    .as("index given twice")
                    .isTrue();
        }
        assertThat(openLists(org, issuer)).isEqualTo(2);

        // Once both committed, issuance goes on in an existing list rather than starting a third.
        transactions.execute(tx -> lists.allocate(org, issuer, StatusPurpose.REVOCATION, 5));
        assertThat(openLists(org, issuer)).isEqualTo(2);
    }

    @Test
    void indicesOfATransactionThatRollsBackAreFreeAgain() {
        var org = CredentialFixtures.northfield(jdbc);
        var issuer = "did:web:rollback.example:" + UUID.randomUUID();
        var transactions = new TransactionTemplate(transactionManager);
        var list = transactions
                .execute(tx -> lists.allocate(org, issuer, StatusPurpose.SUSPENSION, 3))
                .get(0)
                .listId();

        transactions.executeWithoutResult(tx -> {
            lists.allocate(org, issuer, StatusPurpose.SUSPENSION, 100);
            tx.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT allocated FROM status_list WHERE id = ?")
                        .param(list)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    private int openLists(UUID org, String issuer) {
        return jdbc.sql("SELECT count(*) FROM status_list WHERE organization_id = ? AND issuer_did = ?"
                        + " AND purpose = 'REVOCATION' AND full_at IS NULL")
                .params(org, issuer)
                .query(Integer.class)
                .single();
    }

    @SafeVarargs
    private static List<StatusSlot> concat(List<StatusSlot>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
