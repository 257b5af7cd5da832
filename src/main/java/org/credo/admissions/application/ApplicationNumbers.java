package org.credo.admissions.application;

import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives each organization's applications their numbers, A and six digits, from a counter row per organization
 * (table application_number_counter, ADR 45). The row is locked until the caller's transaction ends, so two
 * applications started at once, on one node or two, never get the same number; a number already taken (by an import
 * of old data, say) is skipped.
 */
@Component
public class ApplicationNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    ApplicationNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next number of the organization; call it inside the transaction that stores the application. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(UUID organizationId) {
        long last = lock(organizationId);
        String number;
        do {
            last++;
            number = format(last);
        } while (taken(organizationId, number));
        jdbc.sql("UPDATE application_number_counter SET last_number = ? WHERE organization_id = ?")
                .params(last, organizationId)
                .update();
        return number;
    }

    static String format(long n) {
        return "A" + String.format(Locale.ROOT, "%06d", n);
    }

    private long lock(UUID organizationId) {
        var last = select(organizationId);
        if (last != null) {
            return last;
        }
        // The organization's first number: its row is made in a transaction of its own, so that when two nodes make
        // it at once, the one that loses the race only reads the winner's row.
        try {
            separately.executeWithoutResult(status -> jdbc.sql(
                            "INSERT INTO application_number_counter (organization_id, last_number) VALUES (?, 0)")
                    .param(organizationId)
                    .update());
        } catch (DuplicateKeyException alreadyMade) {
            // Made by another transaction meanwhile.
        }
        var made = select(organizationId);
        if (made == null) {
            throw new IllegalStateException("No application number counter for organization " + organizationId);
        }
        return made;
    }

    private @org.jspecify.annotations.Nullable Long select(UUID organizationId) {
        return jdbc.sql("SELECT last_number FROM application_number_counter WHERE organization_id = ? FOR UPDATE")
                .param(organizationId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private boolean taken(UUID organizationId, String number) {
        return jdbc.sql("SELECT count(*) FROM application WHERE organization_id = ? AND number = ?")
                        .params(organizationId, number)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
