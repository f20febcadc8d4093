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
    private final int port;
    private final List<String> moreArguments;
    private final Path log;
    private Process process;

    private ServiceProcess(String databaseUrl, int port, List<String> moreArguments, Path log) {
        this.databaseUrl = databaseUrl;
        this.port = port;
        this.moreArguments = moreArguments;
        this.log = log;
    }

    /** Starts a service on {@code databaseUrl} with the test users, on a free port, and waits until it is healthy. */
    public static ServiceProcess start(String databaseUrl, String... moreArguments) {
        try {
            ServiceProcess service = new ServiceProcess(databaseUrl, freePort(), List.of(moreArguments),
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
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                LedgerApplication.class.getName()));
        command.addAll(List.of(TestUsers.arguments(databaseUrl, port)));
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
            process.destroy();
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
