package org.techtransfer.ledger.rule;

/** A command whose field is missing or malformed. The service answers 400, naming the field. */
public class InvalidField extends IllegalArgumentException {

    private final String field;

    public InvalidField(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
