package org.techtransfer.ledger.app.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The Ed25519 key that signs the checkpoints: a PKCS#8 file (PEM or DER) named by {@code LEDGER_AUDIT_SIGNING_KEY}
 * ({@code ledger.audit.signing-key}), or else {@code audit-signing-key.pem} in the data directory, made on the first
 * start, readable by its owner only. Nodes of one ledger share one key. The key's bytes are never logged.
 */
@Component
public class AuditKey {

    static final String DEFAULT_FILE = "audit-signing-key.pem";
    static final String DEFAULT_ORIGIN = "localhost/technology-transfer-ledger";

    private final KeyPair pair;
    private final String name;

    AuditKey(@Value("${ledger.audit.signing-key:}") String configured,
             @Value("${ledger.db.data-dir:./data}") String dataDir,
             @Value("${ledger.audit.origin:" + DEFAULT_ORIGIN + "}") String origin) {
        this.pair = configured.isBlank() ? loadOrCreate(Path.of(dataDir, DEFAULT_FILE)) : load(Path.of(configured));
        this.name = origin;
    }

    /** The checkpoints' origin line, also the key's name. */
    public String name() {
        return name;
    }

    public String verifierKey() {
        return SignedNote.verifierKey(name, pair.getPublic());
    }

    String sign(SignedNote.Checkpoint checkpoint) {
        return SignedNote.sign(checkpoint, name, pair.getPrivate(), pair.getPublic());
    }

    /** The key in {@code file}, made there first when there is none. */
    static KeyPair loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                KeyPair made = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                String pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(made.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
                Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), ".audit-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.writeString(draft, pem, StandardCharsets.US_ASCII);
                    // a link is made only where no file is: two nodes starting together keep the first one's key
                    Files.createLink(file, draft);
                } catch (FileAlreadyExistsException another) {
                    // made meanwhile by another start: that one is the key
                } finally {
                    Files.deleteIfExists(draft);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the audit signing key in " + file.getParent(), e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this Java has no Ed25519", e);
            }
        }
        return load(file);
    }

    /** The key pair of the PKCS#8 private key in {@code file}. */
    static KeyPair load(Path file) {
        byte[] der;
        try {
            byte[] content = Files.readAllBytes(file);
            String text = new String(content, StandardCharsets.US_ASCII);
            der = text.contains("-----BEGIN PRIVATE KEY-----")
                    ? Base64.getMimeDecoder().decode(text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""))
                    : content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit signing key " + file, e);
        }
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return withPublic((EdECPrivateKey) key);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("the audit signing key " + file + " is not an Ed25519 key in PKCS#8");
        }
    }

    /**
     * The JDK has no call that derives an Ed25519 public key from the private one; its generator does, from the
     * 32 bytes it draws, so it is given the private key's bytes to draw.
     */
    private static KeyPair withPublic(EdECPrivateKey key) throws GeneralSecurityException {
        byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("no key bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        KeyPair pair = generator.generateKeyPair();
        if (!Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
            throw new GeneralSecurityException("the public key could not be derived");
        }
        return new KeyPair(pair.getPublic(), key);
    }
}
