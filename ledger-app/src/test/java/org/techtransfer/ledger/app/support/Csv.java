package org.techtransfer.ledger.app.support;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a CSV answer strictly, as RFC 4180 writes it, so that a test fails on any deviation. */
public final class Csv {

    private Csv() {
    }

    /** RFC 4180: records end with CRLF, cells may be quoted, a quote inside a quoted cell is doubled. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                assertThat(cell.length()).as("a quote opens a cell, at " + i).isZero();
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r') {
                assertThat(text.charAt(i + 1)).as("CRLF at " + i).isEqualTo('\n');
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
                continue;
            } else {
                assertThat(ch).as("bare line feed at " + i).isNotEqualTo('\n');
                cell.append(ch);
            }
            i++;
        }
        assertThat(quoted).as("unterminated quoted cell").isFalse();
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
