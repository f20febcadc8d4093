package org.techtransfer.ledger.app.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Targets of the plan's first two indicators per year; by default the Huairou plan's for 2020 (docs/domain.md):
 * more than 100 incubated enterprises and 30 invention patents per 10,000 persons. The third indicator's target
 * is the year's contract volume target of {@link TargetsProperties}.
 */
@ConfigurationProperties("ledger")
public record IndicatorTargetsProperties(List<YearTargets> indicatorTargets) {

    public record YearTargets(int year, Long incubatedEnterprises, BigDecimal inventionPatentsPer10000) {

        /** A wrong target stops the service at start-up, not a query later. */
        public YearTargets {
            if (year < 1949 || year > 9998) {
                throw new IllegalArgumentException("ledger.indicator-targets: year must be from 1949 to 9998: " + year);
            }
            if (incubatedEnterprises != null && incubatedEnterprises <= 0) {
                throw new IllegalArgumentException("ledger.indicator-targets: incubated enterprises of " + year + " must be positive");
            }
            if (inventionPatentsPer10000 != null && inventionPatentsPer10000.signum() <= 0) {
                throw new IllegalArgumentException("ledger.indicator-targets: invention patents per 10,000 of " + year + " must be positive");
            }
        }
    }

    static final List<YearTargets> HUAIROU_PLAN = List.of(new YearTargets(2020, 100L, new BigDecimal("30")));

    public Optional<YearTargets> of(int year) {
        List<YearTargets> targets = indicatorTargets == null || indicatorTargets.isEmpty() ? HUAIROU_PLAN : indicatorTargets;
        return targets.stream().filter(t -> t.year() == year).findFirst();
    }
}
