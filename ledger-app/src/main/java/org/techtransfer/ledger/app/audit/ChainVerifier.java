package org.techtransfer.ledger.app.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;

/**
 * Recomputes the hash chain from the event log alone and compares it with the stored chain and, when
 * given, with a digest the auditor kept outside the ledger. Streams the log (a cursor, constant memory),
 * so it also runs from the command line against a database without the service ({@code VerifyCommand}).
 */
public class ChainVerifier {

    /** A digest: the chain's head at some time, kept by the auditor. */
    public record Digest(long position, String hash, Instant at) {
    }

    /**
     * @param firstInvalidPosition the first global position where the log no longer matches the chain
     * @param digestMatches        with a digest: whether the log up to it hashes to it; otherwise null
     */
    public record Report(boolean valid, long checkedEvents, Long firstInvalidPosition, String reason,
                         Boolean digestMatches, Digest head) {
    }

    private final JdbcTemplate cursor;
    private final TransactionTemplate transactions;

    public ChainVerifier(DataSource dataSource) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transactions.setReadOnly(true);
    }

    /** The head of the chain, or null when nothing has been sealed yet. */
    public Digest head() {
        return cursor.query("SELECT global_index, hash, sealed_at FROM audit_chain ORDER BY global_index DESC LIMIT 1",
                rs -> rs.next() ? new Digest(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()) : null);
    }

    /** Verifies the whole sealed log; {@code digest} may be null. */
    public Report verify(Digest digest) {
        return transactions.execute(status -> {
            Digest head = head();
            Walk walk = new Walk(digest);
            // every sealed position, and every logged event up to the head: a hole on either side is a finding
            cursor.query("SELECT c.global_index AS sealed_index, c.hash AS sealed_hash, e.* "
                    + "FROM audit_chain c FULL OUTER JOIN domain_event_entry e ON e.global_index = c.global_index "
                    + "WHERE coalesce(c.global_index, e.global_index) <= (SELECT coalesce(max(global_index), 0) FROM audit_chain) "
                    + "ORDER BY coalesce(c.global_index, e.global_index)", rs -> {
                if (walk.firstInvalid != null) {
                    return;
                }
                String sealed = rs.getString("sealed_hash");
                long position = sealed != null ? rs.getLong("sealed_index") : rs.getLong("global_index");
                if (sealed == null) {
                    walk.fail(position, "an event is in the log that was not there when the chain was sealed");
                } else if (rs.getString("event_identifier") == null) {
                    walk.fail(position, "a sealed event is missing from the log");
                } else {
                    String computed = ChainHash.link(walk.previous, LoggedEvent.read(rs));
                    if (!computed.equals(sealed)) {
                        walk.fail(position, "the event differs from the one that was sealed");
                    } else {
                        walk.accept(position, computed);
                    }
                }
            });
            Boolean digestMatches = digest == null ? null : walk.digestMatches;
            return new Report(walk.firstInvalid == null, walk.checked, walk.firstInvalid, walk.reason, digestMatches, head);
        });
    }

    private static final class Walk {
        final Digest digest;
        String previous = ChainHash.GENESIS;
        long checked;
        Long firstInvalid;
        String reason;
        boolean digestMatches;

        Walk(Digest digest) {
            this.digest = digest;
        }

        void accept(long position, String link) {
            previous = link;
            checked++;
            if (digest != null && position == digest.position()) {
                digestMatches = link.equals(digest.hash());
            }
        }

        void fail(long position, String why) {
            firstInvalid = position;
            reason = why;
        }
    }
}
