package org.techtransfer.ledger.app.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, security: whatever a client sends as a password (the configured users' own, wrong ones,
 * demo passwords, odd characters), no log line of the service carries it, nor the Basic credentials
 * that encode it, even with Spring Security and the ledger logging at their most verbose.
 */
class PasswordsNotLoggedTest {

    private static final List<String> WRONG = List.of("Wr0ng-Secret-Pa55!", "admin-demo", "recorder-demo",
            "пароль-秘密-🔑", "' OR '1'='1", "p".repeat(300));

    @Test
    void no_password_reaches_the_log() {
        try (LedgerNode node = LedgerNode.start(TestDatabase.fresh(), "--logging.level.org.springframework.security=TRACE",
                "--logging.level.org.techtransfer=DEBUG", "--logging.level.org.springframework.web=DEBUG")) {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            ListAppender<ILoggingEvent> log = new ListAppender<>();
            log.start();
            root.addAppender(log);
            List<String> secrets = new ArrayList<>();
            try {
                LedgerClient client = node.client();
                // given sign-ins with the right password (first with bcrypt, then from the cache) and wrong ones
                for (TestUsers.TestUser user : TestUsers.ALL) {
                    for (int i = 0; i < 2; i++) {
                        assertThat(signIn(node, user.username(), TestUsers.PASSWORD).status()).isIn(200, 403);
                    }
                    secrets.add(basic(user.username(), TestUsers.PASSWORD));
                    for (String wrong : WRONG) {
                        assertThat(signIn(node, user.username(), wrong).status()).isEqualTo(401);
                        secrets.add(wrong);
                        secrets.add(basic(user.username(), wrong));
                    }
                }
                assertThat(signIn(node, "nobody", WRONG.get(0)).status()).isEqualTo(401);
                // and a command, so that the command path logs too
                assertThat(client.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")).status()).isEqualTo(201);
                secrets.add(TestUsers.PASSWORD);
            } finally {
                root.detachAppender(log);
            }

            // then the log has plenty to say, and no password in it
            List<String> lines = log.list.stream().map(PasswordsNotLoggedTest::everything).toList();
            assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.TRACE)
                    && e.getLoggerName().startsWith("org.springframework.security"))).as("security log lines").isNotEmpty();
            for (String secret : secrets) {
                assertThat(lines).as("log lines containing '%s'", secret).noneMatch(line -> line.contains(secret));
            }
        }
    }

    private static LedgerClient.Response signIn(LedgerNode node, String user, String password) {
        return node.client().send(null, HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + "/api/v1/statistics/targets"))
                .header("Authorization", basic(user, password)).GET());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The message, its arguments, the context and the stack trace: all that an appender could write. */
    private static String everything(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                text.append(' ').append(argument);
            }
        }
        text.append(' ').append(event.getMDCPropertyMap());
        if (event.getThrowableProxy() != null) {
            text.append(' ').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString();
    }
}
