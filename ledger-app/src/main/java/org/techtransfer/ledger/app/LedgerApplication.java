package org.techtransfer.ledger.app;

import org.springframework.boot.SpringApplication;
import org.techtransfer.ledger.app.audit.StatementCheck;
import org.techtransfer.ledger.app.audit.VerifyCommand;
import org.techtransfer.ledger.app.backup.BackupCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

    public static void main(String[] args) {
        // Axon asks the network for updates at start-up; this machine has no network to spare.
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(VerifyCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("verify-statement")) {
            System.exit(StatementCheck.run(args));
        }
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            System.exit(BackupCommand.run(args, System.getenv()));
        }
        ConfigurableApplicationContext context = SpringApplication.run(LedgerApplication.class, args);
        // SIGTERM is the ordinary way to stop a ledger: close in order and exit 0, not with the JVM's 143
        Signal.handle(new Signal("TERM"), signal -> System.exit(SpringApplication.exit(context)));
    }
}
