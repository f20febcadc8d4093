package org.techtransfer.ledger.app.export;

import jakarta.servlet.http.HttpServletRequest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.money.Money;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Sheet} as the spreadsheet the request accepts: CSV (RFC 4180, UTF-8 with a byte-order mark so
 * that spreadsheets read Chinese names right, English column keys) or XLSX (headers in the request's language,
 * amounts as numbers with two decimals). Both end with the total row when the sheet has one.
 */
@Component
public class Exports {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType CSV_TYPE = MediaType.parseMediaType(CSV);
    private static final MediaType XLSX_TYPE = MediaType.parseMediaType(XLSX);
    private static final String TOTAL = "TOTAL";

    private final MessageSource messages;

    Exports(MessageSource messages) {
        this.messages = messages;
    }

    /** The sheet as CSV or XLSX, whichever of the two the request's Accept header prefers. */
    public ResponseEntity<byte[]> answer(Sheet sheet, HttpServletRequest request, Locale locale) {
        return answer(sheet, prefersXlsx(request.getHeader(HttpHeaders.ACCEPT)), locale);
    }

    /** The sheet as XLSX or CSV, as a console page's download link asks. */
    public ResponseEntity<byte[]> answer(Sheet sheet, boolean xlsx, Locale locale) {
        byte[] body = xlsx ? xlsx(sheet, locale) : csv(sheet);
        MediaType type = xlsx ? XLSX_TYPE : new MediaType(CSV_TYPE, StandardCharsets.UTF_8);
        String file = sheet.name() + (xlsx ? ".xlsx" : ".csv");
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file)
                        .build().toString())
                .body(body);
    }

    /** The handler was chosen for one of the two types; the Accept header's order of preference picks which. */
    private static boolean prefersXlsx(String accept) {
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        MediaType.sortByQualityValue(accepted);
        for (MediaType type : accepted) {
            if (type.isCompatibleWith(XLSX_TYPE) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatibleWith(CSV_TYPE) && !type.isWildcardType()) {
                return false;
            }
        }
        return false;
    }

    static byte[] csv(Sheet sheet) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<Sheet.Column> columns = sheet.columns();
        for (int c = 0; c < columns.size(); c++) {
            csv.append(c == 0 ? "" : ",").append(cell(columns.get(c).key()));
        }
        csv.append("\r\n");
        for (List<Object> row : sheet.rows()) {
            csvRow(csv, columns, row);
        }
        if (sheet.totalRow()) {
            List<Object> totals = sheet.totals();
            totals.set(0, TOTAL);
            csvRow(csv, columns, totals);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void csvRow(StringBuilder csv, List<Sheet.Column> columns, List<Object> row) {
        for (int c = 0; c < columns.size(); c++) {
            Object value = row.get(c);
            if (c > 0) {
                csv.append(',');
            }
            if (value == null) {
                continue;
            }
            switch (columns.get(c).type()) {
                // numbers and dates as spreadsheets read them; they never start with = + @
                case MONEY, COUNT, PERCENT, DATE -> csv.append(value instanceof BigDecimal d ? d.toPlainString() : value);
                case TEXT, CODE -> csv.append(cell(value.toString()));
            }
        }
        csv.append("\r\n");
    }

    /** RFC 4180 quoting; a leading {@code = + - @} (or tab, CR) is neutralised so a spreadsheet never runs a cell as a formula. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    byte[] xlsx(Sheet sheet, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "ledger", "1.0");
            Worksheet ws = workbook.newWorksheet(message("export.sheet." + sheet.name(), sheet.name(), locale));
            List<Sheet.Column> columns = sheet.columns();
            for (int c = 0; c < columns.size(); c++) {
                String key = columns.get(c).key();
                ws.value(0, c, message("export.column." + key, key, locale));
                ws.style(0, c).bold().set();
                ws.width(c, columns.get(c).type() == Sheet.Type.TEXT ? 24 : 16);
            }
            ws.freezePane(0, 1);
            int r = 1;
            for (List<Object> row : sheet.rows()) {
                xlsxRow(ws, r++, columns, row, false, locale);
            }
            if (sheet.totalRow()) {
                List<Object> totals = sheet.totals();
                totals.set(0, message("export.total", TOTAL, locale));
                xlsxRow(ws, r, columns, totals, true, locale);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: not expected
        }
        return out.toByteArray();
    }

    private void xlsxRow(Worksheet ws, int r, List<Sheet.Column> columns, List<Object> row, boolean total, Locale locale) {
        for (int c = 0; c < columns.size(); c++) {
            Object value = row.get(c);
            Sheet.Type type = columns.get(c).type();
            String format = null;
            if (value == null) {
                // an empty cell
            } else if (total && c == 0) {
                ws.value(r, c, value.toString());
            } else {
                switch (type) {
                    case MONEY -> {
                        ws.value(r, c, ((Money) value).toBigDecimal());
                        format = "#,##0.00";
                    }
                    case PERCENT -> {
                        ws.value(r, c, (BigDecimal) value);
                        format = "0.00";
                    }
                    case COUNT -> ws.value(r, c, (Number) value);
                    case DATE -> {
                        ws.value(r, c, (LocalDate) value);
                        format = "yyyy-mm-dd";
                    }
                    case CODE -> ws.value(r, c, message("export.code." + value, value.toString(), locale));
                    case TEXT -> ws.value(r, c, value.toString());
                }
            }
            if (format != null && total) {
                ws.style(r, c).format(format).bold().set();
            } else if (format != null) {
                ws.style(r, c).format(format).set();
            } else if (total) {
                ws.style(r, c).bold().set();
            }
        }
    }

    private String message(String key, String otherwise, Locale locale) {
        return messages.getMessage(key, null, otherwise, locale);
    }
}
