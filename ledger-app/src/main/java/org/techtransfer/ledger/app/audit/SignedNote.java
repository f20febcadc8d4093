package org.techtransfer.ledger.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checkpoints as C2SP tlog-checkpoint (origin, tree size, base64 root hash, one line each) in a C2SP signed note
 * signed with Ed25519: the text, an empty line, and {@code — <key name> base64(key hash || signature)}. The verifier
 * key is {@code <name>+<key hash, 8 hex digits>+base64(0x01 || public key)}. Needs only the JDK, so that the
 * offline checks run from the jar with no service.
 */
public final class SignedNote {

    /** A checkpoint's content. */
    public record Checkpoint(String origin, long treeSize, byte[] rootHash) {

        public String body() {
            return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
        }
    }

    /** Ed25519's algorithm byte in a verifier key and in the key hash. */
    private static final byte ED25519 = 1;
    /** What X.509 puts before an Ed25519 public key's 32 bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final String DASH = "\u2014 ";

    private SignedNote() {
    }

    /** The note of {@code checkpoint} signed with {@code key}, named {@code name}. */
    public static String sign(Checkpoint checkpoint, String name, PrivateKey key, PublicKey publicKey) {
        String text = checkpoint.body();
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(text.getBytes(StandardCharsets.UTF_8));
            byte[] signature = ed.sign();
            byte[] keyHashAndSignature = new byte[4 + signature.length];
            System.arraycopy(keyHash(name, raw(publicKey)), 0, keyHashAndSignature, 0, 4);
            System.arraycopy(signature, 0, keyHashAndSignature, 4, signature.length);
            return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(keyHashAndSignature) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the checkpoint", e);
        }
    }

    public static String verifierKey(String name, PublicKey publicKey) {
        byte[] raw = raw(publicKey);
        byte[] typed = new byte[1 + raw.length];
        typed[0] = ED25519;
        System.arraycopy(raw, 0, typed, 1, raw.length);
        return name + "+" + HexFormat.of().formatHex(keyHash(name, raw)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Why a note does not verify, in the words the API and the command line both use. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    /**
     * The checkpoint in {@code note}, once its signature by {@code verifierKey} is verified.
     *
     * @throws Invalid when the key or the note is malformed, or no signature of that key verifies
     */
    public static Checkpoint open(String note, String verifierKey) throws Invalid {
        String[] key = verifierKey.strip().split("\\+", 3);
        if (key.length != 3) {
            throw new Invalid("the public key is not a signed-note verifier key (name+hash+key)");
        }
        String name = key[0];
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(key[2]);
        } catch (IllegalArgumentException e) {
            throw new Invalid("the public key is not a signed-note verifier key (name+hash+key)");
        }
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new Invalid("the public key is not an Ed25519 signed-note verifier key");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        byte[] hash = keyHash(name, raw);
        if (!HexFormat.of().formatHex(hash).equals(key[1])) {
            throw new Invalid("the public key's hash does not match its name and key");
        }
        String normalised = note.replace("\r\n", "\n");
        int split = normalised.lastIndexOf("\n\n");
        if (split < 0 || !normalised.endsWith("\n")) {
            throw new Invalid("the checkpoint is not a signed note (text, an empty line, signature lines)");
        }
        String text = normalised.substring(0, split + 1);
        boolean signedByName = false;
        for (String line : normalised.substring(split + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                throw new Invalid("the checkpoint is not a signed note (text, an empty line, signature lines)");
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2 || !parts[0].equals(name)) {
                continue;
            }
            byte[] signed;
            try {
                signed = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (signed.length != 68 || !Arrays.equals(Arrays.copyOf(signed, 4), hash)) {
                continue;
            }
            signedByName = true;
            if (verifies(raw, text, Arrays.copyOfRange(signed, 4, 68))) {
                return parse(text);
            }
        }
        throw new Invalid(signedByName ? "the checkpoint's signature does not verify with the ledger's key"
                : "the checkpoint carries no signature of the ledger's key");
    }

    /** The checkpoint text of a note, unverified (to compare what it says with the log). */
    public static Checkpoint parse(String text) throws Invalid {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length < 4 || lines[0].isEmpty()) {
            throw new Invalid("the checkpoint has no origin, tree size and root hash lines");
        }
        try {
            long size = Long.parseLong(lines[1]);
            byte[] root = Base64.getDecoder().decode(lines[2]);
            if (size < 0 || root.length != 32 || !lines[1].equals(Long.toString(size))) {
                throw new IllegalArgumentException();
            }
            return new Checkpoint(lines[0], size, root);
        } catch (IllegalArgumentException e) {
            throw new Invalid("the checkpoint's tree size or root hash is malformed");
        }
    }

    private static boolean verifies(byte[] raw, String text, byte[] signature) {
        try {
            byte[] encoded = new byte[X509_PREFIX.length + raw.length];
            System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
            System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(text.getBytes(StandardCharsets.UTF_8));
            return ed.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The first four bytes of SHA-256(name || "\n" || 0x01 || public key). */
    private static byte[] keyHash(String name, byte[] raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(ED25519);
            return Arrays.copyOf(sha.digest(raw), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 32 bytes of an Ed25519 public key, the end of its X.509 encoding. */
    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }
}
