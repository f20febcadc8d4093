package org.techtransfer.ledger.app.support;

import org.techtransfer.ledger.app.LedgerApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ledger service as its own operating-system process, so that a test can kill it with SIGKILL
 * (nothing in the service gets to clean up) and start it again on the same database and port.
 * Its standard output and error go to one log file that outlives the restarts.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final String databaseUrl;
    private final Path dataDir;
    private final int port;
    private final List<String> moreArguments;
    private final Path log;
    private Process process;

    private ServiceProcess(String databaseUrl, Path dataDir, int port, List<String> moreArguments, Path log) {
        this.databaseUrl = databaseUrl;
        this.dataDir = dataDir;
        this.port = port;
        this.moreArguments = moreArguments;
        this.log = log;
    }

    /** Starts a service on {@code databaseUrl} with the test users, on a free port, and waits until it is healthy. */
    public static ServiceProcess start(String databaseUrl, String... moreArguments) {
        return start(databaseUrl, null, moreArguments);
    }

    /**
     * Starts a local ledger on its embedded PostgreSQL in {@code dataDir} as {@code make run} does: the JVM
     * under a shell, the two a process group of their own (as make and its JVM are), so that the group can
     * be killed; the test users instead of the demo accounts.
     */
    public static ServiceProcess startEmbedded(Path dataDir, String... moreArguments) {
        return start(null, dataDir, moreArguments);
    }

    private static ServiceProcess start(String databaseUrl, Path dataDir, String... moreArguments) {
        try {
            ServiceProcess service = new ServiceProcess(databaseUrl, dataDir, freePort(), List.of(moreArguments),
                    Files.createTempFile("ledger-service", ".log"));
            service.restart();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the service again (same database, port and log) and waits until it is healthy; returns the time it took. */
    public Duration restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the service is still running");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        if (dataDir != null) {
            // a session (and so a process group) of its own; "; exit" keeps the shell from exec'ing the JVM
            command.addAll(List.of("setsid", "sh", "-c", "\"$0\" \"$@\"; exit $?"));
        }
        command.addAll(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                LedgerApplication.class.getName()));
        command.addAll(List.of(dataDir != null ? TestUsers.embeddedArguments(dataDir, port)
                : TestUsers.arguments(databaseUrl, port)));
        command.addAll(moreArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("LEDGER_"));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        long started = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(started);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL: the process ends at once, in the middle of whatever it was doing. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGKILL to the JVM alone (of {@link #startEmbedded}); its shell, like make, then ends. */
    public void killJvm() {
        jvm().destroyForcibly();
        awaitExit();
    }

    /** SIGKILL to the whole process group of {@link #startEmbedded}: the shell and the JVM, as to make and its JVM. */
    public void killProcessGroup() {
        try {
            new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        awaitExit();
    }

    /** SIGTERM to the JVM, as a service manager stops it; its exit status. */
    public int terminate() {
        ProcessHandle jvm = jvm();
        jvm.destroy();
        try {
            jvm.onExit().get(60, TimeUnit.SECONDS);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the service did not end within 60 s of SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the service did not end within 60 s of SIGTERM", e);
        }
        return process.exitValue(); // the shell's is the JVM's
    }

    /** The service's JVM: the process itself, or the child of its shell. */
    public ProcessHandle jvm() {
        return dataDir == null ? process.toHandle()
                : process.children().findFirst().orElseThrow(() -> new IllegalStateException("the JVM is not running"));
    }

    /** The JDBC URL of the embedded PostgreSQL of the current run, as its superuser (from the port in the log). */
    public String embeddedDatabaseUrl() {
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("embedded PostgreSQL started on port (\\d+)").matcher(log());
        String last = null;
        while (port.find()) {
            last = port.group(1);
        }
        if (last == null) {
            throw new IllegalStateException("no embedded PostgreSQL in the log");
        }
        return "jdbc:postgresql://localhost:" + last + "/postgres?user=postgres";
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public LedgerClient client() {
        return new LedgerClient(port);
    }

    /** Everything the service has written so far, over all its runs. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A graceful stop (SIGTERM); the log file is removed. */
    @Override
    public void close() {
        if (alive()) {
            jvm().destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary file
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the service did not end within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(long started) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() - started < START_LIMIT.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service ended at start-up (exit " + process.exitValue() + "):\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service was not healthy within " + START_LIMIT + ":\n" + tail());
    }

    private String tail() {
        String all = log();
        return all.substring(Math.max(0, all.length() - 6000));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
