package org.techtransfer.ledger.app.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.techtransfer.ledger.app.LedgerApplication;

/** One running ledger service on a given database, started and stopped by the test itself. */
public final class LedgerNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private LedgerNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static LedgerNode start(String databaseUrl, String... moreArguments) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        String[] base = TestUsers.arguments(databaseUrl, 0);
        String[] all = new String[base.length + moreArguments.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(moreArguments, 0, all, base.length, moreArguments.length);
        return new LedgerNode(new SpringApplicationBuilder(LedgerApplication.class).run(all));
    }

    public int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    public LedgerClient client() {
        return new LedgerClient(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
