package org.techtransfer.ledger.app.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The links of the audit chain: {@code link(n) = SHA-256(link(n-1) || canonical(event n))}, starting
 * from {@link #GENESIS}. The canonical bytes are every stored field of the event, each as a 4-byte
 * length and its UTF-8 bytes (-1 for null), so that no two different events share them.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String link(String previous, LoggedEvent e) {
        return link(previous, canonical(e));
    }

    /** The link after {@code previous} for an event whose canonical bytes are {@code canonical}. */
    static String link(String previous, byte[] canonical) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        sha.update(HexFormat.of().parseHex(previous));
        sha.update(canonical);
        return HexFormat.of().formatHex(sha.digest());
    }

    static byte[] canonical(LoggedEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + (e.payload() == null ? 0 : e.payload().length() * 2));
        for (String field : new String[]{Long.toString(e.globalIndex()), e.eventIdentifier(), e.aggregateIdentifier(),
                Long.toString(e.sequenceNumber()), e.type(), e.timeStamp(), e.payloadType(), e.payloadRevision(),
                e.payload(), e.metaData()}) {
            if (field == null) {
                writeInt(out, -1);
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                writeInt(out, bytes.length);
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
