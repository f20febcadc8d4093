package org.techtransfer.ledger.projections.statistics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the contract volumes read model (docs/api.md: {@code GET /statistics/volume} and {@code /statistics/targets}). */
public class ContractVolumes {

    /**
     * The groupings of docs/domain.md ("Transaction statistics"), each with the SQL expression of its key (constants,
     * never input).
     */
    public enum Grouping {
        YEAR("signed_year::text"),
        QUARTER("signed_year || '-Q' || signed_quarter"),
        MONTH("to_char(signed_on, 'YYYY-MM')"),
        KIND("kind"),
        FIELD("technology_field"),
        INSTITUTION("institution_id"),
        SELLER_TYPE("seller_type"),
        BUYER_REGION("buyer_region"),
        FLOW("seller_region || '->' || buyer_region");

        private final String key;

        Grouping(String key) {
            this.key = key;
        }

        /** {@code year}, {@code sellerType}, {@code buyerRegion}, ... as docs/api.md names them. */
        public static Optional<Grouping> named(String name) {
            String wanted = name.replace("_", "").toLowerCase(Locale.ROOT);
            for (Grouping g : values()) {
                if (g.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                    return Optional.of(g);
                }
            }
            return Optional.empty();
        }
    }

    public record Volume(String key, long contracts, Money totalAmount, Money technologyAmount) {
    }

    /** A target for a period ({@code 2020}, {@code 2020-Q3} or {@code 2020-07}) and how far the volume has come. */
    public record Progress(String period, Money target, Money achieved, BigDecimal percent) {
    }

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    private final JdbcTemplate jdbc;

    public ContractVolumes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Volumes grouped by {@code grouping}, only of contracts signed in {@code year} when it is given. */
    public List<Volume> grouped(Grouping grouping, Integer year) {
        String sql = "SELECT " + grouping.key + " AS k, count(*) AS n, sum(total_fen) AS total, sum(technology_fen) AS tech "
                + "FROM contract_volume" + (year == null ? "" : " WHERE signed_year = ?") + " GROUP BY k ORDER BY k";
        Object[] args = year == null ? new Object[0] : new Object[]{year};
        return jdbc.query(sql, (rs, i) -> new Volume(rs.getString("k"), rs.getLong("n"),
                Money.ofFen(rs.getLong("total")), Money.ofFen(rs.getLong("tech"))), args);
    }

    /** The contracts signed in {@code year}, of sellers in the region when one is given (the plan's third indicator). */
    public Volume ofYear(int year, String sellerRegion) {
        return jdbc.queryForObject("SELECT count(*) AS n, coalesce(sum(total_fen), 0) AS total, "
                        + "coalesce(sum(technology_fen), 0) AS tech FROM contract_volume WHERE signed_year = ? "
                        + "AND (CAST(? AS TEXT) IS NULL OR seller_region = ?)",
                (rs, i) -> new Volume(Integer.toString(year), rs.getLong("n"), Money.ofFen(rs.getLong("total")),
                        Money.ofFen(rs.getLong("tech"))), year, sellerRegion, sellerRegion);
    }

    /** The contract volume (成交额) of the contracts signed in the period, against its target. */
    public Progress progress(String period, Money target) {
        Matcher m = PERIOD.matcher(period);
        if (!m.matches()) {
            throw new IllegalArgumentException("a target period is a year, a quarter (2020-Q3) or a month (2020-07): " + period);
        }
        String where = "signed_year = " + Integer.parseInt(m.group(1))
                + (m.group(2) != null ? " AND signed_quarter = " + Integer.parseInt(m.group(2)) : "")
                + (m.group(3) != null ? " AND extract(month FROM signed_on) = " + Integer.parseInt(m.group(3)) : "");
        Long fen = jdbc.queryForObject("SELECT coalesce(sum(total_fen), 0) FROM contract_volume WHERE " + where, Long.class);
        Money achieved = Money.ofFen(fen == null ? 0 : fen);
        // rounded down: a target is not reported as reached before it is
        BigDecimal percent = target.isZero() ? BigDecimal.ZERO : achieved.toBigDecimal().multiply(BigDecimal.valueOf(100))
                .divide(target.toBigDecimal(), 2, RoundingMode.DOWN);
        return new Progress(period, target, achieved, percent);
    }
}
