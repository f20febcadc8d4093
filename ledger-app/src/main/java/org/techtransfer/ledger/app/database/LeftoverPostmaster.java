package org.techtransfer.ledger.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A postmaster still running on the data directory after its ledger died (SIGKILL, a lost machine session):
 * the ledger starts PostgreSQL detached, so it outlives the JVM. Called while holding the directory's lock,
 * so no live ledger owns that postmaster; it is stopped with a fast shutdown (its open transactions, none
 * of them acknowledged, roll back) before the new ledger starts its own. Usually the dead ledger's
 * {@link PostmasterWatchdog} has asked for that already, and this only waits for it to finish.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final long STOP_SECONDS = 60;

    private LeftoverPostmaster() {
    }

    /** Stops the postmaster named by {@code pgDirectory}/postmaster.pid if one runs on that directory. */
    static void stopIfRunning(Path pgDirectory) throws IOException {
        Path pidFile = pgDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException stoppedCleanly) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (RuntimeException unreadable) {
            return; // PostgreSQL judges a file it cannot read itself, and says so
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // a stale file from a machine that went down: PostgreSQL replaces it itself
        }
        Optional<String> command = process.get().info().command();
        Optional<String[]> arguments = process.get().info().arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            return; // cannot tell what runs there; PostgreSQL will refuse with its own message
        }
        if (!isPostmasterOf(command.get(), arguments.get(), pgDirectory)) {
            // the pid was reused by something else after a reboot; PostgreSQL would take it for a live postmaster
            log.info("removing the stale {}: pid {} is now {}", pidFile, pid, command.get());
            Files.delete(pidFile);
            return;
        }
        log.info("a PostgreSQL (pid {}) was left running on {} by a ledger that ended without stopping it: stopping it",
                pid, pgDirectory);
        // SIGINT asks the postmaster for a fast shutdown (pg_ctl would, but refuses to run as root)
        run(List.of("kill", "-INT", Long.toString(pid)));
        try {
            process.get().onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("the PostgreSQL (pid " + pid + ") left running on " + pgDirectory
                    + " did not stop within " + STOP_SECONDS + " s; stop it, then start the ledger again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL pid " + pid, e);
        }
    }

    static boolean isPostmasterOf(String command, String[] arguments, Path pgDirectory) {
        if (!Path.of(command).getFileName().toString().equals("postgres")) {
            return false;
        }
        int d = Arrays.asList(arguments).indexOf("-D");
        return d >= 0 && d + 1 < arguments.length
                && Path.of(arguments[d + 1]).toAbsolutePath().normalize().equals(pgDirectory);
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                // fails when the postmaster ended meanwhile (the watchdog's stop): the wait below decides
                log.info("{}: {}", String.join(" ", command), output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }
}
