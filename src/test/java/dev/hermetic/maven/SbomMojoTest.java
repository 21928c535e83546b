package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class SbomMojoTest {

    @Test
    void formatsAreJsonXmlOrBoth() throws MojoFailureException {
        assertThat(SbomMojo.types("json")).containsExactly("json");
        assertThat(SbomMojo.types(" xml ")).containsExactly("xml");
        assertThat(SbomMojo.types("all")).containsExactly("json", "xml");
    }

    @Test
    void anUnknownFormatNamesTheValueAndTheValidOnes() {
        assertThatThrownBy(() -> SbomMojo.types("yaml")).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'yaml'").hasMessageContaining("hermetic.sbom.format")
                .hasMessageContaining("json, xml or all");
    }

    @Test
    void theFixedTimeIsSourceDateEpochElseTheOutputTimestamp() throws MojoFailureException {
        assertThat(SbomMojo.fixedTime(Map.of(), "2025-06-01T12:00:00Z"))
                .isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
        assertThat(SbomMojo.fixedTime(Map.of("SOURCE_DATE_EPOCH", "1750000000"), "2025-06-01T12:00:00Z"))
                .isEqualTo(Instant.ofEpochSecond(1750000000L));
    }

    @Test
    void aTimestampIsRefusedWhenTheBuildHasNoFixedTime() {
        assertThatThrownBy(() -> SbomMojo.fixedTime(Map.of(), null)).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("hermetic.sbom.timestamp")
                .hasMessageContaining("<project.build.outputTimestamp>");
    }
}
