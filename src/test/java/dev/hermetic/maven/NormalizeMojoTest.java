package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.archive.CompressionMode;
import dev.hermetic.archive.NormalizationOptions;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class NormalizeMojoTest {

    @Test
    void modeIsCaseInsensitiveAndTrimmed() throws MojoFailureException {
        assertThat(NormalizeMojo.parseMode("portable")).isEqualTo(CompressionMode.PORTABLE);
        assertThat(NormalizeMojo.parseMode(" FAST ")).isEqualTo(CompressionMode.FAST);
    }

    @Test
    void unknownModeNamesTheValueThePropertyAndTheValidValues() {
        assertThatThrownBy(() -> NormalizeMojo.parseMode("quick"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'quick'")
                .hasMessageContaining("hermetic.normalize.mode")
                .hasMessageContaining("portable")
                .hasMessageContaining("fast")
                // Maven appends a cause's message: the same thing would be said twice.
                .hasNoCause();
    }

    @Test
    void extraAttributesAreAddedAndKeptOnesTakenOutCaseInsensitively() {
        List<String> attributes = NormalizeMojo.manifestAttributesToRemove(
                List.of("X-Build-Id", " ", "Built-By"), List.of("created-by", "Not-In-The-List"));

        assertThat(attributes)
                .contains("X-Build-Id", "Built-By", "Build-Jdk")
                .doesNotContain("Created-By", " ")
                .doesNotHaveDuplicates()
                .hasSize(NormalizationOptions.DEFAULT_MANIFEST_ATTRIBUTES_TO_REMOVE.size());
    }

    @Test
    void noParametersGiveTheDefaultList() {
        assertThat(NormalizeMojo.manifestAttributesToRemove(null, null))
                .isEqualTo(NormalizationOptions.DEFAULT_MANIFEST_ATTRIBUTES_TO_REMOVE);
    }
}
