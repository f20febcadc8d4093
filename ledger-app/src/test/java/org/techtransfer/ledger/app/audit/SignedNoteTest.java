package org.techtransfer.ledger.app.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkpoint's key from configuration or made in the data directory, and notes signed and opened with it. */
class SignedNoteTest {

    private static final String ORIGIN = "ledger.example.org/technology-transfer-ledger";

    @TempDir
    Path dir;

    @Test
    void a_configured_pkcs8_key_in_pem_or_der_is_the_key_that_signs() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path der = dir.resolve("key.der");
        Files.write(der, pair.getPrivate().getEncoded());
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        String expected = SignedNote.verifierKey(ORIGIN, pair.getPublic());
        for (Path file : new Path[]{der, pem}) {
            AuditKey key = new AuditKey(file.toString(), dir.resolve("unused").toString(), ORIGIN);
            assertThat(key.verifierKey()).isEqualTo(expected);
            String note = key.sign(new SignedNote.Checkpoint(ORIGIN, 7, new byte[32]));
            assertThat(SignedNote.open(note, expected).treeSize()).isEqualTo(7);
        }
        assertThat(dir.resolve("unused")).doesNotExist();
        Path notAKey = dir.resolve("not-a-key");
        Files.writeString(notAKey, "hello");
        assertThatThrownBy(() -> new AuditKey(notAKey.toString(), dir.toString(), ORIGIN))
                .hasMessageContaining("not an Ed25519 key in PKCS#8");
    }

    @Test
    void without_configuration_a_key_is_made_once_in_the_data_directory_for_its_owner_only() throws Exception {
        AuditKey first = new AuditKey("", dir.resolve("data").toString(), ORIGIN);
        Path file = dir.resolve("data").resolve(AuditKey.DEFAULT_FILE);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(new AuditKey("", dir.resolve("data").toString(), ORIGIN).verifierKey()).isEqualTo(first.verifierKey());
        assertThat(new AuditKey(file.toString(), "", ORIGIN).verifierKey()).isEqualTo(first.verifierKey());
        try (var files = Files.list(dir.resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(AuditKey.DEFAULT_FILE);
        }
    }

    @Test
    void a_changed_note_a_forged_signature_or_another_key_does_not_open() throws Exception {
        AuditKey key = new AuditKey("", dir.toString(), ORIGIN);
        byte[] root = Merkle.leafHash("x".getBytes(StandardCharsets.UTF_8));
        String note = key.sign(new SignedNote.Checkpoint(ORIGIN, 12, root));
        SignedNote.Checkpoint opened = SignedNote.open(note, key.verifierKey());
        assertThat(opened.origin()).isEqualTo(ORIGIN);
        assertThat(opened.rootHash()).isEqualTo(root);
        assertThat(SignedNote.open(note.replace("\n", "\r\n"), key.verifierKey()).treeSize()).isEqualTo(12);

        assertThatThrownBy(() -> SignedNote.open(note.replace("\n12\n", "\n13\n"), key.verifierKey()))
                .hasMessage("the checkpoint's signature does not verify with the ledger's key");
        String signature = note.substring(note.lastIndexOf(' ') + 1, note.length() - 1);
        byte[] forged = Base64.getDecoder().decode(signature);
        forged[10] ^= 1;
        assertThatThrownBy(() -> SignedNote.open(note.replace(signature, Base64.getEncoder().encodeToString(forged)),
                key.verifierKey())).hasMessage("the checkpoint's signature does not verify with the ledger's key");
        AuditKey other = new AuditKey("", dir.resolve("other").toString(), ORIGIN);
        assertThatThrownBy(() -> SignedNote.open(note, other.verifierKey()))
                .hasMessage("the checkpoint carries no signature of the ledger's key");
        assertThatThrownBy(() -> SignedNote.open("just text\n", key.verifierKey()))
                .hasMessageContaining("not a signed note");
        assertThatThrownBy(() -> SignedNote.open(note, "no key"))
                .hasMessageContaining("not a signed-note verifier key");
    }
}
