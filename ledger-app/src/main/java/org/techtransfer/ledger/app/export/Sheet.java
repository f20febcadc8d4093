package org.techtransfer.ledger.app.export;

import org.techtransfer.ledger.money.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * A table to export as CSV or XLSX: its columns, its rows and whether a total row ends it.
 *
 * @param name     the file's name, without its extension
 * @param totalRow whether a last row adds up the {@link Type#MONEY} and {@link Type#COUNT} columns
 */
public record Sheet(String name, List<Column> columns, List<List<Object>> rows, boolean totalRow) {

    /** What a column holds, which says how it is written. */
    public enum Type {
        /** a text (a String). */
        TEXT,
        /** a code of the API (an enum or String such as OVERDUE): as it is in CSV, in words in XLSX. */
        CODE,
        /** an amount ({@link Money}): a number with two decimals. */
        MONEY,
        /** a count (a Long or Integer). */
        COUNT,
        /** a percentage (a BigDecimal with two decimals). */
        PERCENT,
        /** a date (a LocalDate). */
        DATE
    }

    /**
     * @param key the CSV header (as the JSON answer names the field) and, under {@code export.column.}, the
     *            message key of the XLSX header
     */
    public record Column(String key, Type type) {
    }

    public Sheet {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Builds a sheet row by row. */
    public static Builder of(String name, Column... columns) {
        return new Builder(name, List.of(columns));
    }

    public static final class Builder {

        private final String name;
        private final List<Column> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, List<Column> columns) {
            this.name = name;
            this.columns = columns;
        }

        /** One value per column, in order; null for an empty cell. */
        public Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(columns.size() + " values expected, " + values.length + " given");
            }
            rows.add(java.util.Arrays.asList(values.clone()));
            return this;
        }

        public Sheet withTotal() {
            return new Sheet(name, columns, rows, true);
        }

        public Sheet withoutTotal() {
            return new Sheet(name, columns, rows, false);
        }
    }

    /** The total of each column that adds up (money and counts), null for the others. */
    List<Object> totals() {
        List<Object> totals = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            Type type = columns.get(c).type();
            if (type == Type.MONEY) {
                Money sum = Money.ZERO;
                for (List<Object> row : rows) {
                    sum = row.get(c) == null ? sum : sum.plus((Money) row.get(c));
                }
                totals.add(sum);
            } else if (type == Type.COUNT) {
                long sum = 0;
                for (List<Object> row : rows) {
                    sum = row.get(c) == null ? sum : Math.addExact(sum, ((Number) row.get(c)).longValue());
                }
                totals.add(sum);
            } else {
                totals.add(null);
            }
        }
        return totals;
    }
}
