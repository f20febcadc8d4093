package org.techtransfer.ledger.app.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tree of {@link Merkle} against the known answers of Certificate Transparency's tests (the inputs RFC 6962's
 * reference code uses) and, for every tree of up to 64 leaves, its proofs judged by {@link ReferenceMerkle}.
 */
class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The eight leaf inputs of the CT test vectors. */
    private static final List<byte[]> CT_INPUTS = List.of(new byte[0], HEX.parseHex("00"), HEX.parseHex("10"),
            HEX.parseHex("2021"), HEX.parseHex("3031"), HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    /** The roots of the trees of the first 1 to 8 inputs. */
    private static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void the_roots_of_the_certificate_transparency_test_inputs() {
        assertThat(HEX.formatHex(Merkle.emptyRoot())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        List<byte[]> leaves = CT_INPUTS.stream().map(Merkle::leafHash).toList();
        for (int n = 1; n <= 8; n++) {
            assertThat(HEX.formatHex(Merkle.root(nodesOf(leaves), n))).as("root of %d", n).isEqualTo(CT_ROOTS.get(n - 1));
            Merkle.Frontier frontier = new Merkle.Frontier(0, List.of());
            leaves.subList(0, n).forEach(frontier::append);
            assertThat(HEX.formatHex(frontier.root())).as("root of %d, grown leaf by leaf", n).isEqualTo(CT_ROOTS.get(n - 1));
        }
    }

    @Test
    void the_proofs_of_the_certificate_transparency_test_vectors() {
        Merkle.Nodes nodes = nodesOf(CT_INPUTS.stream().map(Merkle::leafHash).toList());
        assertThat(hex(Merkle.inclusion(nodes, 0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(Merkle.inclusion(nodes, 5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(Merkle.inclusion(nodes, 0, 1))).isEmpty();
        assertThat(hex(Merkle.consistency(nodes, 1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(Merkle.consistency(nodes, 6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(Merkle.consistency(nodes, 2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(Merkle.consistency(nodes, 8, 8)).isEmpty();
    }

    @Test
    void every_inclusion_and_consistency_proof_up_to_64_leaves_holds_for_an_independent_verifier() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            leaves.add(ReferenceMerkle.leaf(("leaf " + i).getBytes()));
        }
        Merkle.Nodes nodes = nodesOf(leaves);
        Merkle.Frontier grown = new Merkle.Frontier(0, List.of());
        for (int n = 1; n <= 64; n++) {
            grown.append(leaves.get(n - 1));
            byte[] root = ReferenceMerkle.mth(leaves.subList(0, n));
            assertThat(Merkle.root(nodes, n)).isEqualTo(root);
            assertThat(grown.root()).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = Merkle.inclusion(nodes, m, n);
                assertThat(ReferenceMerkle.rootFromInclusion(m, n, leaves.get(m), path)).as("leaf %d of %d", m, n).isEqualTo(root);
                assertThat(Merkle.verifyInclusion(m, n, leaves.get(m), path, root)).isTrue();
                assertThat(Merkle.verifyInclusion(m, n, leaves.get((m + 1) % 64), path, root)).as("another leaf").isFalse();
                if (!path.isEmpty()) {
                    List<byte[]> bent = new ArrayList<>(path);
                    bent.set(bent.size() - 1, ReferenceMerkle.leaf(new byte[]{9}));
                    assertThat(ReferenceMerkle.rootFromInclusion(m, n, leaves.get(m), bent)).isNotEqualTo(root);
                    assertThat(Merkle.verifyInclusion(m, n, leaves.get(m), bent, root)).isFalse();
                    assertThat(Merkle.verifyInclusion(m, n, leaves.get(m), path.subList(0, path.size() - 1), root)).isFalse();
                }
            }
            for (int m = 1; m <= n; m++) {
                byte[] old = ReferenceMerkle.mth(leaves.subList(0, m));
                List<byte[]> proof = Merkle.consistency(nodes, m, n);
                assertThat(ReferenceMerkle.consistent(m, n, old, root, proof)).as("from %d to %d", m, n).isTrue();
                if (m < n) {
                    assertThat(ReferenceMerkle.consistent(m, n, ReferenceMerkle.leaf(new byte[]{7}), root, proof))
                            .as("another old root, from %d to %d", m, n).isFalse();
                    List<byte[]> bent = new ArrayList<>(proof);
                    bent.set(0, ReferenceMerkle.leaf(new byte[]{8}));
                    assertThat(ReferenceMerkle.consistent(m, n, old, root, bent)).isFalse();
                }
            }
        }
    }

    @Test
    void proofs_outside_the_tree_are_refused() {
        Merkle.Nodes nodes = nodesOf(CT_INPUTS.stream().map(Merkle::leafHash).toList());
        assertThatThrownBy(() -> Merkle.inclusion(nodes, 8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Merkle.consistency(nodes, 0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Merkle.consistency(nodes, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Merkle.verifyInclusion(8, 8, new byte[32], List.of(), Merkle.root(nodes, 8))).isFalse();
    }

    /** The complete subtrees of {@code leaves}, each computed from the definition. */
    static Merkle.Nodes nodesOf(List<byte[]> leaves) {
        return (level, index) -> {
            int from = (int) (index << level);
            int to = (int) ((index + 1) << level);
            assertThat(to).as("node %d/%d within the leaves", level, index).isLessThanOrEqualTo(leaves.size());
            return ReferenceMerkle.mth(leaves.subList(from, to));
        };
    }

    private static List<String> hex(List<byte[]> path) {
        return path.stream().map(HEX::formatHex).toList();
    }
}
