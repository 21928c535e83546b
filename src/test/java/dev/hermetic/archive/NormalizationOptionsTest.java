package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.RecordEquality;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizationOptionsTest {

    private static final NormalizationOptions BASE = NormalizationOptions.defaults(1_767_225_600L);

    @Test
    void equalOptionsAreEqualAndHashAlike() {
        NormalizationOptions same = new NormalizationOptions(1_767_225_600L, CompressionMode.PORTABLE,
                List.copyOf(NormalizationOptions.DEFAULT_MANIFEST_ATTRIBUTES_TO_REMOVE),
                NormalizationOptions.DEFAULT_MAX_COMPRESSION_RATIO);

        assertThat(same).isEqualTo(BASE).hasSameHashCodeAs(BASE);
    }

    @Test
    void everyComponentTakesPartInEquality() {
        assertThat(List.of(
                new NormalizationOptions(1_767_225_601L, BASE.compression(), BASE.manifestAttributesToRemove(), BASE.maxCompressionRatio()),
                BASE.withCompression(CompressionMode.FAST),
                BASE.withManifestAttributesToRemove(List.of("Built-By")),
                new NormalizationOptions(BASE.epochSeconds(), BASE.compression(), BASE.manifestAttributesToRemove(), 10)))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(BASE))
                .doesNotContainNull();
        assertThat(BASE).isNotEqualTo(null).isNotEqualTo("options");
    }

    /** The written-out equals and hashCode read every component, including one added later. */
    @Test
    void everyComponentTakesPartInEqualsAndHashCode() throws Exception {
        // A value unlike BASE's for each component; a component added later fails here until it is listed.
        Map<String, Object> other = Map.of(
                "epochSeconds", BASE.epochSeconds() + 1,
                "compression", CompressionMode.FAST,
                "manifestAttributesToRemove", List.of("Built-By"),
                "maxCompressionRatio", 10L);
        RecordEquality.assertEveryComponentTakesPart(BASE, other);
    }
}
