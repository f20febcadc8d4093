package org.techtransfer.ledger.app.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.techtransfer.ledger.money.Money;

import java.util.List;

/**
 * Targets for contract volume per period ({@code 2020}, {@code 2020-Q3}, {@code 2020-07}); by default the
 * Huairou plan's CNY 1.6 billion for 2020 (docs/domain.md, "Transaction statistics").
 */
@ConfigurationProperties("ledger")
public record TargetsProperties(List<Target> targets) {

    public record Target(String period, String amount) {

        /** A wrong target stops the service at start-up, not a finance officer's query later. */
        public Target {
            if (period == null || !period.matches("\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?")) {
                throw new IllegalArgumentException("ledger.targets: period must be like 2020, 2020-Q3 or 2020-07: " + period);
            }
            if (!Money.of(amount).isPositive()) {
                throw new IllegalArgumentException("ledger.targets: the amount of " + period + " must be positive");
            }
        }
    }

    static final List<Target> HUAIROU_PLAN = List.of(new Target("2020", "1600000000.00"));

    public List<Target> targetsOrDefault() {
        return targets == null || targets.isEmpty() ? HUAIROU_PLAN : targets;
    }
}
