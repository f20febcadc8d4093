package org.techtransfer.ledger.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.techtransfer.ledger.command.LedgerCommand;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A command's form: its fields, named as the command's JSON names them ({@code amount},
 * {@code allocations[0].personId}), so that a submitted form becomes the same JSON body the API reads and
 * is checked by the same code. One template fragment draws every form from this description.
 *
 * @param name    the form's key: its path under the contract ({@code incomes}) and its title ({@code form.income})
 * @param command the command it sends
 * @param idField the field that holds the command's own id, which a repeated or conflicting id is reported on
 */
public record Form(String name, String title, Class<? extends LedgerCommand> command, String idField, List<Field> fields) {

    public enum Kind { TEXT, MONEY, DATE, NUMBER, SELECT, CHECK, LINES, ROWS }

    /** Plain decimal digits, as a number field is typed; anything else goes as text, for the command to refuse. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * @param options for a select, the values; their labels are {@code optionKey + "." + value}
     * @param columns for rows (allocations, contributors), the fields of each row
     */
    public record Field(String name, Kind kind, boolean required, List<String> options, String optionKey,
                        List<Field> columns) {

        public static Field text(String name, boolean required) {
            return new Field(name, Kind.TEXT, required, List.of(), null, List.of());
        }

        public static Field money(String name) {
            return new Field(name, Kind.MONEY, true, List.of(), null, List.of());
        }

        public static Field date(String name) {
            return date(name, true);
        }

        public static Field date(String name, boolean required) {
            return new Field(name, Kind.DATE, required, List.of(), null, List.of());
        }

        public static Field number(String name) {
            return new Field(name, Kind.NUMBER, true, List.of(), null, List.of());
        }

        public static Field check(String name) {
            return new Field(name, Kind.CHECK, false, List.of(), null, List.of());
        }

        public static Field lines(String name) {
            return new Field(name, Kind.LINES, false, List.of(), null, List.of());
        }

        public static <E extends Enum<E>> Field select(String name, Class<E> values, String optionKey, boolean required) {
            return new Field(name, Kind.SELECT, required, Arrays.stream(values.getEnumConstants()).map(Enum::name).toList(),
                    optionKey, List.of());
        }

        /** A select of some of an enum's values. */
        public static Field select(String name, List<? extends Enum<?>> values, String optionKey, boolean required) {
            return new Field(name, Kind.SELECT, required, values.stream().map(Enum::name).toList(), optionKey, List.of());
        }

        public static Field rows(String name, Field... columns) {
            return new Field(name, Kind.ROWS, true, List.of(), null, List.of(columns));
        }

        /** The label's key: {@code field.buyer.name} for {@code buyer.name}, {@code field.personId} in a row. */
        public String labelKey() {
            return "field." + name;
        }
    }

    /**
     * The JSON body of the submitted fields. A blank field is left out, so the command says it is required;
     * a row whose fields are all blank is dropped (the form offers empty rows to fill).
     */
    public ObjectNode body(Map<String, String> submitted) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (Field field : fields) {
            switch (field.kind()) {
                case ROWS -> {
                    ArrayNode rows = body.putArray(field.name());
                    for (Map<String, String> row : rows(field, submitted)) {
                        ObjectNode item = rows.addObject();
                        for (Field column : field.columns()) {
                            put(item, column, row.get(column.name()));
                        }
                    }
                }
                case LINES -> {
                    String text = submitted.get(field.name());
                    if (text != null && !text.isBlank()) {
                        ArrayNode lines = body.putArray(field.name());
                        text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
                    }
                }
                default -> put(body, field, submitted.get(field.name()));
            }
        }
        return body;
    }

    /** The submitted rows of a row field, in order, blank ones dropped. */
    public static List<Map<String, String>> rows(Field field, Map<String, String> submitted) {
        Map<Integer, Map<String, String>> rows = new TreeMap<>();
        String prefix = field.name() + "[";
        submitted.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.indexOf("].", prefix.length()) > 0) {
                int end = key.indexOf("].", prefix.length());
                try {
                    int index = Integer.parseInt(key.substring(prefix.length(), end));
                    rows.computeIfAbsent(index, i -> new TreeMap<>()).put(key.substring(end + 2), value);
                } catch (NumberFormatException ignored) {
                    // not a row's field: left out of the body, like any field the form does not have
                }
            }
        });
        return rows.values().stream()
                .filter(row -> row.values().stream().anyMatch(v -> v != null && !v.isBlank() && !"true".equals(v)))
                .toList();
    }

    /** {@code buyer.name} goes into the object {@code buyer}. */
    private static void put(ObjectNode target, Field field, String value) {
        if (field.kind() == Kind.CHECK) {
            putPath(target, field.name(), JsonNodeFactory.instance.booleanNode("true".equals(value)));
        } else if (field.kind() == Kind.NUMBER && value != null && NUMBER.matcher(value.strip()).matches()) {
            // the API reads numbers strictly: a count or a rate goes as a JSON number, not as the text typed
            BigDecimal number = new BigDecimal(value.strip());
            putPath(target, field.name(), number.scale() <= 0 && number.abs().compareTo(LONG_MAX) <= 0
                    ? JsonNodeFactory.instance.numberNode(number.longValueExact())
                    : JsonNodeFactory.instance.numberNode(number));
        } else if (value != null && !value.isBlank()) {
            putPath(target, field.name(), JsonNodeFactory.instance.textNode(value.strip()));
        }
    }

    private static void putPath(ObjectNode target, String path, JsonNode value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            target.set(path, value);
        } else {
            ObjectNode inner = target.has(path.substring(0, dot)) ? (ObjectNode) target.get(path.substring(0, dot))
                    : target.putObject(path.substring(0, dot));
            putPath(inner, path.substring(dot + 1), value);
        }
    }
}
