package org.credo.billing.ledger;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** An organization's chart of accounts, seeded the first time the organization posts anything. */
@Service
public class ChartOfAccounts {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<UUID, Map<AccountCode, UUID>> known = new ConcurrentHashMap<>();

    ChartOfAccounts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The id of an account of the organization, seeding the chart when it has none. */
    public UUID id(UUID organizationId, AccountCode code) {
        return accounts(organizationId).get(code);
    }

    /**
     * Every account of the organization by code. The chart is seeded in a transaction of its own, so that the ids kept
     * here exist even when the caller's transaction rolls back.
     */
    public Map<AccountCode, UUID> accounts(UUID organizationId) {
        var cached = known.get(organizationId);
        if (cached != null) {
            return cached;
        }
        var map = ownTransaction.execute(status -> seed(organizationId));
        known.put(organizationId, map);
        return map;
    }

    private Map<AccountCode, UUID> seed(UUID organizationId) {
        for (var code : AccountCode.values()) {
            jdbc.sql("INSERT INTO billing_account (id, organization_id, code, name, kind) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")
                    .params(UUID.randomUUID(), organizationId, code.code(), code.label(), code.kind())
                    .update();
        }
        var map = new EnumMap<AccountCode, UUID>(AccountCode.class);
        jdbc.sql("SELECT id, code FROM billing_account WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, n) -> {
                    for (var code : AccountCode.values()) {
                        if (code.code().equals(rs.getString("code"))) {
                            map.put(code, rs.getObject("id", UUID.class));
                        }
                    }
                    return null;
                })
                .list();
        return map;
    }
}
