package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import java.time.Instant;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class SignMojoTest {

    @Test
    void sideFilesAreAttachedOnlyForDigestsTheResolverDoesNotMake() {
        assertThat(SignMojo.sideFileDigests(null)).containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.SHA_512);
        assertThat(SignMojo.sideFileDigests("SHA-1,MD5"))
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.SHA_512);
        assertThat(SignMojo.sideFileDigests("SHA-512, SHA-256,SHA-1,MD5")).isEmpty();
        assertThat(SignMojo.sideFileDigests("sha256")).containsExactly(DigestAlgorithm.SHA_512);
    }

    @Test
    void reproducibleSignatureTimeComesFromSourceDateEpochFirst() throws MojoFailureException {
        assertThat(SignMojo.signatureTime(Map.of("SOURCE_DATE_EPOCH", "1700000000"), "2026-01-01T00:00:00Z"))
                .isEqualTo(Instant.ofEpochSecond(1700000000L));
        assertThat(SignMojo.signatureTime(Map.of(), "2026-01-01T00:00:00Z"))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void reproducibleWithoutAFixedTimeIsRefusedRatherThanStamped1980() {
        // maven-archiver's "unset" is a value of one character; 1980 would predate every key.
        assertThatThrownBy(() -> SignMojo.signatureTime(Map.of(), "x"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("hermetic.sign.reproducible is true but the build has no fixed time")
                .hasMessageContaining("project.build.outputTimestamp")
                .hasMessageContaining("SOURCE_DATE_EPOCH");
    }

    @Test
    void unparsableTimeNamesTheValue() {
        assertThatThrownBy(() -> SignMojo.signatureTime(Map.of("SOURCE_DATE_EPOCH", "yesterday"), null))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("yesterday");
    }
}
