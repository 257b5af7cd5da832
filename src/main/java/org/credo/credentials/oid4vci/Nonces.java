package org.credo.credentials.oid4vci;

import java.time.Duration;
import org.credo.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The c_nonce values wallets put in their key proofs. They live in the database, so a nonce issued by one node
 * is accepted by another; consuming one deletes its row, so it works once.
 */
@Repository
class Nonces {

    /** How long a wallet has to use a nonce. */
    static final Duration VALIDITY = Duration.ofMinutes(5);

    private final JdbcClient jdbc;

    Nonces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh nonce; expired ones are swept on the way. */
    String issue() {
        var now = Timestamps.now();
        jdbc.sql("DELETE FROM oid4vci_nonce WHERE expires_at < ?")
                .param(Timestamps.sql(now))
                .update();
        var nonce = Secrets.generate();
        jdbc.sql("INSERT INTO oid4vci_nonce (nonce_hash, created_at, expires_at) VALUES (?, ?, ?)")
                .params(Secrets.digest(nonce), Timestamps.sql(now), Timestamps.sql(now.plus(VALIDITY)))
                .update();
        return nonce;
    }

    /** Uses a nonce up; false if it is unknown, used or expired. */
    boolean consume(String nonce) {
        if (!Secrets.plausible(nonce)) {
            return false;
        }
        return jdbc.sql("DELETE FROM oid4vci_nonce WHERE nonce_hash = ? AND expires_at > ?")
                        .params(Secrets.digest(nonce), Timestamps.sql(Timestamps.now()))
                        .update()
                == 1;
    }
}
