package dev.hermetic.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiDigestTest {

    @TempDir
    Path dir;

    /** Larger than one read buffer, and not a multiple of any block size. */
    private static byte[] data() {
        byte[] data = new byte[700_001];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 13 + (i >>> 11));
        }
        return data;
    }

    @Test
    void fileAndBytesGiveTheJdkDigests() throws Exception {
        byte[] data = data();
        Path file = Files.write(dir.resolve("data.bin"), data);

        MultiDigest fromFile = MultiDigest.read(file, EnumSet.allOf(DigestAlgorithm.class));

        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.jcaName()).digest(data));
            assertThat(fromFile.hex(algorithm)).as(algorithm.jcaName()).isEqualTo(expected);
        }
        assertThat(MultiDigest.of(data, EnumSet.allOf(DigestAlgorithm.class)).hex()).isEqualTo(fromFile.hex());
        assertThat(List.copyOf(fromFile.hex().keySet())).containsExactly(DigestAlgorithm.values());
    }

    @Test
    void continuedDigestHashesTheDataThenWhatFollows() throws Exception {
        byte[] data = data();
        byte[] trailer = "trailer".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("data.bin"), data);
        MultiDigest digests = MultiDigest.read(file, Set.of(DigestAlgorithm.SHA_256));

        MessageDigest continued = digests.continued(DigestAlgorithm.SHA_256);
        continued.update(trailer);

        MessageDigest whole = MessageDigest.getInstance("SHA-256");
        whole.update(data);
        whole.update(trailer);
        assertThat(continued.digest()).isEqualTo(whole.digest());
        // Each copy starts after the data: continuing one leaves the digests and later copies as they were.
        assertThat(digests.continued(DigestAlgorithm.SHA_256).digest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        assertThat(digests.hex(DigestAlgorithm.SHA_256)).isEqualTo(HexDigests.digest(data, DigestAlgorithm.SHA_256));
    }

    @Test
    void anAlgorithmNotComputedIsNamed() throws Exception {
        MultiDigest digests = MultiDigest.of(new byte[] {1, 2, 3}, Set.of(DigestAlgorithm.SHA_512));

        assertThat(digests.algorithms()).containsExactly(DigestAlgorithm.SHA_512);
        assertThatThrownBy(() -> digests.hex(DigestAlgorithm.SHA_256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA-256 was not computed");
        assertThatThrownBy(() -> digests.continued(DigestAlgorithm.SHA_256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA-256 was not computed");
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> MultiDigest.read(dir.resolve("absent.jar"), Set.of(DigestAlgorithm.SHA_256)))
                .isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining("absent.jar");
    }
}
