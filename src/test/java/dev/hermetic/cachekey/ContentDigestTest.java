package dev.hermetic.cachekey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text rule: what counts as text, and CR LF folded into LF across read boundaries. */
class ContentDigestTest {

    @TempDir
    Path dir;

    String hex(byte[] content) throws Exception {
        Path f = Files.write(dir.resolve("f" + System.nanoTime()), content);
        return new ContentDigest().hex(f);
    }

    @Test
    void textIsHashedWithLfLineEnds() throws Exception {
        assertThat(hex("a\r\nb\r\n".getBytes())).isEqualTo(hex("a\nb\n".getBytes()))
                .isEqualTo(HexDigests.digest("a\nb\n".getBytes(), DigestAlgorithm.SHA_256));
        // a lone CR, and CR CR LF's first CR, stay
        assertThat(hex("a\rb".getBytes())).isNotEqualTo(hex("a\nb".getBytes()));
        assertThat(hex("a\r\r\n".getBytes())).isEqualTo(HexDigests.digest("a\r\n".getBytes(), DigestAlgorithm.SHA_256));
        assertThat(hex("a\r".getBytes())).isEqualTo(HexDigests.digest("a\r".getBytes(), DigestAlgorithm.SHA_256));
        assertThat(hex(new byte[0])).isEqualTo(HexDigests.digest(new byte[0], DigestAlgorithm.SHA_256));
    }

    @Test
    void aCrLfSplitAcrossReadsIsFolded() throws Exception {
        for (int at : new int[] {8000 - 1, 20000, 65536 - 1, 65536, 2 * 65536 - 1}) {
            byte[] crlf = new byte[at + 2 + 100];
            Arrays.fill(crlf, (byte) 'x');
            crlf[at] = '\r';
            crlf[at + 1] = '\n';
            byte[] lf = new byte[crlf.length - 1];
            System.arraycopy(crlf, 0, lf, 0, at);
            lf[at] = '\n';
            System.arraycopy(crlf, at + 2, lf, at + 1, 100);
            assertThat(hex(crlf)).as("CR LF at %d", at).isEqualTo(hex(lf))
                    .isEqualTo(HexDigests.digest(lf, DigestAlgorithm.SHA_256));
        }
    }

    @Test
    void aNulInTheFirst8000BytesMakesAFileBinary() throws Exception {
        byte[] binary = new byte[9000];
        Arrays.fill(binary, (byte) '\n');
        binary[7999] = 0;
        binary[100] = '\r';
        assertThat(hex(binary)).isEqualTo(HexDigests.digest(binary, DigestAlgorithm.SHA_256));
        byte[] late = binary.clone();
        late[7999] = 'x';
        late[8000] = 0; // past the probe: text
        byte[] expected = new byte[late.length - 1];
        System.arraycopy(late, 0, expected, 0, 100);
        System.arraycopy(late, 101, expected, 100, late.length - 101);
        assertThat(hex(late)).isEqualTo(HexDigests.digest(expected, DigestAlgorithm.SHA_256));
    }
}
