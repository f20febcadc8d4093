package org.techtransfer.ledger.app.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A backup of what cannot be rebuilt: the event log (its rows as stored, so that the audit chain, which covers
 * the stored text, still verifies), the audit chain, the command log (the answers to repeated commands) and the
 * registration numbers. Read models, tokens and snapshots are rebuilt from the log after a restore.
 *
 * <p>The file is gzip'ed NDJSON: a header naming each table's columns, one line per row with every value in
 * PostgreSQL's own text form (exact for every type), and a footer with the row counts and the head of the audit
 * chain, all read in one REPEATABLE READ transaction, so a running ledger can be backed up. Beside it,
 * {@code <file>.digest} holds the file's SHA-256 and the chain head, the digest a restore is verified against.
 */
final class LedgerBackup {

    static final List<String> TABLES = List.of("domain_event_entry", "audit_chain", "command_log", "registration_number");
    private static final int FORMAT = 1;
    private static final int BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Digest(String sha256, long chainPosition, String chainHash, Map<String, Long> rows) {

        static Path fileOf(Path backup) {
            return backup.resolveSibling(backup.getFileName() + ".digest");
        }

        void write(Path backup) throws IOException {
            ObjectNode node = JSON.createObjectNode().put("sha256", sha256).put("chainPosition", chainPosition)
                    .put("chainHash", chainHash);
            node.set("rows", JSON.valueToTree(rows));
            Files.writeString(fileOf(backup), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
        }

        static Digest read(Path backup) throws IOException {
            JsonNode node = JSON.readTree(fileOf(backup).toFile());
            Map<String, Long> rows = new LinkedHashMap<>();
            node.get("rows").fields().forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asLong()));
            return new Digest(node.get("sha256").asText(), node.get("chainPosition").asLong(),
                    node.get("chainHash").isNull() ? null : node.get("chainHash").asText(), rows);
        }
    }

    private LedgerBackup() {
    }

    /** Writes the backup of {@code dataSource} to {@code file}, and its digest beside it. */
    static Digest backup(DataSource dataSource, Path file) throws IOException, SQLException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        MessageDigest sha = sha256();
        Digest digest;
        try (Connection c = dataSource.getConnection();
             OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)), sha);
             GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
             JsonGenerator json = JSON.getFactory().createGenerator(gzip)) {
            json.setRootValueSeparator(null); // one value a line: the newline is written after each
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            Map<String, List<Column>> tables = new LinkedHashMap<>();
            for (String table : TABLES) {
                tables.put(table, columns(c, table));
            }
            ObjectNode header = JSON.createObjectNode().put("ledgerBackup", FORMAT).put("schemaVersion", schemaVersion(c))
                    .put("takenAt", Instant.now().toString());
            ObjectNode columns = header.putObject("columns");
            tables.forEach((table, cols) -> cols.forEach(col -> columns.withArray(table).add(col.name())));
            line(json, header);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Map.Entry<String, List<Column>> table : tables.entrySet()) {
                rows.put(table.getKey(), export(c, table.getKey(), table.getValue(), json));
            }
            long chainPosition = 0;
            String chainHash = null;
            try (Statement s = c.createStatement();
                 ResultSet head = s.executeQuery("SELECT global_index, hash FROM audit_chain ORDER BY global_index DESC LIMIT 1")) {
                if (head.next()) {
                    chainPosition = head.getLong(1);
                    chainHash = head.getString(2);
                }
            }
            c.commit();
            ObjectNode footer = JSON.createObjectNode().put("end", true).put("chainPosition", chainPosition).put("chainHash", chainHash);
            footer.set("rows", JSON.valueToTree(rows));
            line(json, footer);
            json.flush();
            gzip.finish();
            out.flush();
            digest = new Digest(HexFormat.of().formatHex(sha.digest()), chainPosition, chainHash, rows);
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        digest.write(file);
        return digest;
    }

    /**
     * Restores {@code file}, {@link #checked} against its digest, into {@code dataSource}, whose schema must be migrated
     * and hold none of the backed-up rows. Everything goes in one transaction: a file cut short or that does not fit
     * changes nothing.
     */
    static void restore(DataSource dataSource, Path file, Digest digest, String knownSchemaVersion) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection();
             InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             MappingIterator<JsonNode> lines = JSON.readerFor(JsonNode.class).readValues(in)) {
            c.setAutoCommit(false);
            try {
                JsonNode header = lines.next();
                if (header.path("ledgerBackup").asInt() != FORMAT) {
                    throw new IllegalArgumentException(file + " is not a ledger backup of format " + FORMAT);
                }
                if (compareVersions(header.get("schemaVersion").asText(), knownSchemaVersion) > 0) {
                    throw new IllegalArgumentException("the backup has schema version " + header.get("schemaVersion").asText()
                            + ", newer than this ledger's " + knownSchemaVersion + ": restore it with that ledger's version");
                }
                for (String table : TABLES) {
                    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                        r.next();
                        if (r.getBoolean(1)) {
                            throw new IllegalStateException("the target already holds rows in " + table
                                    + ": a restore needs an empty data directory or database");
                        }
                    }
                }
                Map<String, Long> rows = insert(c, header.get("columns"), lines, digest);
                if (!rows.equals(digest.rows())) {
                    throw new IllegalArgumentException("the backup holds " + rows + " rows, its digest says " + digest.rows());
                }
                try (Statement s = c.createStatement()) {
                    // the next event takes the position after the last one restored
                    s.execute("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), "
                            + "coalesce((SELECT max(global_index) FROM domain_event_entry), 0) + 1, false)");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The digest beside {@code file}, once the file is checked against it. */
    static Digest checked(Path file) throws IOException {
        Digest digest = Digest.read(file);
        String actual = sha256Of(file);
        if (!actual.equals(digest.sha256())) {
            throw new IllegalArgumentException("the backup " + file + " does not match its digest (SHA-256 " + actual
                    + ", the digest says " + digest.sha256() + "): nothing restored");
        }
        return digest;
    }

    private record Column(String name, String type) {
    }

    private static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(new Column(r.getString(1), r.getString(2)));
                }
            }
        }
        return columns;
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return r.next() ? r.getString(1) : "0";
        }
    }

    private static long export(Connection c, String table, List<Column> columns, JsonGenerator json) throws SQLException, IOException {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            select.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).name()).append("\"::text");
        }
        // the first column is each table's key (global_index, command_key, registration_number)
        select.append(" FROM ").append(table).append(" ORDER BY 1");
        long rows = 0;
        try (Statement s = c.createStatement()) {
            s.setFetchSize(BATCH);
            try (ResultSet r = s.executeQuery(select.toString())) {
                while (r.next()) {
                    json.writeStartObject();
                    json.writeStringField("t", table);
                    json.writeArrayFieldStart("v");
                    for (int i = 1; i <= columns.size(); i++) {
                        json.writeString(r.getString(i)); // null is written as null
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                    json.writeRaw('\n');
                    rows++;
                }
            }
        }
        return rows;
    }

    private static Map<String, Long> insert(Connection c, JsonNode header, MappingIterator<JsonNode> lines, Digest digest)
            throws SQLException {
        Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
        Map<String, Integer> widths = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Integer> pending = new LinkedHashMap<>();
        try {
            for (String table : TABLES) {
                List<Column> target = columns(c, table);
                List<String> names = new ArrayList<>();
                header.withArray(table).forEach(n -> names.add(n.asText()));
                StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
                StringBuilder values = new StringBuilder();
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    Column column = target.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                            new IllegalArgumentException("the backup's column " + table + "." + name + " is not in this schema"));
                    sql.append(i == 0 ? "" : ", ").append('"').append(name).append('"');
                    values.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(column.type()).append(')');
                }
                inserts.put(table, c.prepareStatement(sql.append(") VALUES (").append(values).append(')').toString()));
                widths.put(table, names.size());
                rows.put(table, 0L);
                pending.put(table, 0);
            }
            JsonNode footer = null;
            while (lines.hasNext()) {
                JsonNode line = lines.next();
                if (line.path("end").asBoolean()) {
                    footer = line;
                    break;
                }
                String table = line.path("t").asText();
                PreparedStatement insert = inserts.get(table);
                JsonNode values = line.get("v");
                if (insert == null || values == null || values.size() != widths.get(table)) {
                    throw new IllegalArgumentException("a malformed line in the backup: " + abbreviate(line.toString()));
                }
                for (int i = 0; i < values.size(); i++) {
                    insert.setString(i + 1, values.get(i).isNull() ? null : values.get(i).asText());
                }
                insert.addBatch();
                rows.merge(table, 1L, Long::sum);
                if (pending.merge(table, 1, Integer::sum) == BATCH) {
                    insert.executeBatch();
                    pending.put(table, 0);
                }
            }
            if (footer == null || footer.path("chainPosition").asLong() != digest.chainPosition()) {
                throw new IllegalArgumentException("the backup is cut short or its end does not match its digest");
            }
            for (PreparedStatement insert : inserts.values()) {
                insert.executeBatch();
            }
            return rows;
        } finally {
            for (PreparedStatement insert : inserts.values()) {
                insert.close();
            }
        }
    }

    private static void line(JsonGenerator json, JsonNode node) throws IOException {
        json.writeTree(node);
        json.writeRaw('\n');
    }

    static String sha256Of(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
