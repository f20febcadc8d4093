package org.techtransfer.ledger.app.database;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Stops the embedded postmaster when the ledger's JVM ends without stopping it (SIGKILL, an out-of-memory
 * kill). No thread of the JVM can do that, so it is a shell of its own: its standard input is a pipe whose
 * only writer is this JVM, and the operating system closes it when the JVM ends, however it ends; the shell
 * then asks the postmaster, by the pid it was started with, for a fast shutdown. It runs in a session of its
 * own, so that a SIGKILL to the ledger's process group ({@code make run} and its JVM) does not reach it.
 * A ledger that stops in order ends the watchdog first, then stops PostgreSQL itself.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    static PostmasterWatchdog watch(long postmasterPid) throws IOException {
        String script = "read -r _; kill -INT " + postmasterPid + " 2>/dev/null";
        try {
            return new PostmasterWatchdog(start("setsid", "sh", "-c", script));
        } catch (IOException noSetsid) {
            // macOS has no setsid: the watchdog then shares the ledger's process group, and a kill of the whole
            // group leaves the postmaster to the next start
            return new PostmasterWatchdog(start("sh", "-c", script));
        }
    }

    private static Process start(String... command) throws IOException {
        return new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM ends the shell in its read, before it would signal
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
