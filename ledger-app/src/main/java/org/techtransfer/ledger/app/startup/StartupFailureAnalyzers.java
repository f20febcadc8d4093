package org.techtransfer.ledger.app.startup;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.techtransfer.ledger.app.database.DataDirectoryInUse;
import org.techtransfer.ledger.app.database.DatabaseUnreachable;
import org.techtransfer.ledger.app.database.SchemaNewerThanLedger;

/** The start-up failures an operator causes by a setting, each told in one sentence with what to set (META-INF/spring.factories). */
public final class StartupFailureAnalyzers {

    private StartupFailureAnalyzers() {
    }

    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class PortInUse extends AbstractFailureAnalyzer<PortInUseException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, PortInUseException cause) {
            return new FailureAnalysis("port " + cause.getPort() + " is in use",
                    "set SERVER_PORT to a free port, or stop what listens on " + cause.getPort(), cause);
        }
    }

    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class DataDirectory extends AbstractFailureAnalyzer<DataDirectoryInUse> {
        @Override
        protected FailureAnalysis analyze(Throwable root, DataDirectoryInUse cause) {
            return new FailureAnalysis(cause.getMessage(), null, cause);
        }
    }

    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class Database extends AbstractFailureAnalyzer<DatabaseUnreachable> {
        @Override
        protected FailureAnalysis analyze(Throwable root, DatabaseUnreachable cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
        }
    }

    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class Schema extends AbstractFailureAnalyzer<SchemaNewerThanLedger> {
        @Override
        protected FailureAnalysis analyze(Throwable root, SchemaNewerThanLedger cause) {
            return new FailureAnalysis(cause.getMessage(), "run that ledger's version (or a newer one) on it, "
                    + "or set LEDGER_DB_URL or LEDGER_DATA_DIR to another database", cause);
        }
    }

    /** The users are checked by the {@code users} bean of the security configuration, which refuses with an IllegalStateException. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class Users implements FailureAnalyzer {
        @Override
        public FailureAnalysis analyze(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof BeanCreationException creation && "users".equals(creation.getBeanName())) {
                    Throwable refusal = creation.getMostSpecificCause();
                    if (refusal instanceof IllegalStateException) {
                        return new FailureAnalysis(refusal.getMessage(), "configure the users with LEDGER_SECURITY_USERS_0_USERNAME, "
                                + "LEDGER_SECURITY_USERS_0_PASSWORDHASH (bcrypt), LEDGER_SECURITY_USERS_0_ROLE=ADMIN, ... "
                                + "or ledger.security.users in a configuration file (docs/operations.md, Users)", refusal);
                    }
                }
            }
            return null;
        }
    }
}
