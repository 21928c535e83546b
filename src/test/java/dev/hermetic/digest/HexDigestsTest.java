package dev.hermetic.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HexDigestsTest {

    @TempDir
    Path dir;

    @Test
    void computesKnownDigestsInOnePass() throws Exception {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);

        Map<DigestAlgorithm, String> digests = HexDigests.digest(file, EnumSet.allOf(DigestAlgorithm.class));

        // FIPS 180-2 test vectors for "abc".
        assertThat(digests.get(DigestAlgorithm.SHA_256))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(digests.get(DigestAlgorithm.SHA_512)).isEqualTo(
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
        // The length the lockfile and manifest readers demand is the length the digester writes.
        digests.forEach((algorithm, hex) -> assertThat(hex).as(algorithm.jcaName()).hasSize(algorithm.hexLength()));
    }

    @Test
    void largeFileMatchesInMemoryDigest() throws Exception {
        byte[] data = new byte[1_000_003];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 8));
        }
        Path file = Files.write(dir.resolve("big.bin"), data);

        assertThat(HexDigests.digest(file, DigestAlgorithm.SHA_256))
                .isEqualTo(HexDigests.digest(data, DigestAlgorithm.SHA_256));
    }

    @Test
    void weakAlgorithmsAreRefusedByName() {
        assertThat(DigestAlgorithm.parse("sha-256")).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.parse("SHA512")).isEqualTo(DigestAlgorithm.SHA_512);
        assertThatThrownBy(() -> DigestAlgorithm.parse("SHA-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA-1")
                .hasMessageContaining("use SHA-256 or SHA-512");
    }
}
