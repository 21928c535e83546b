package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildTimestampTest {

    @Test
    void sourceDateEpochWinsOverOutputTimestamp() {
        BuildTimestamp t = BuildTimestamp.resolve(Map.of("SOURCE_DATE_EPOCH", "1795564800"), "2000-01-01T00:00:00Z");
        assertThat(t).isEqualTo(new BuildTimestamp(1795564800L, "SOURCE_DATE_EPOCH"));
    }

    @Test
    void outputTimestampAcceptsIsoWithZoneOrOffsetAndIntegerSeconds() {
        assertThat(BuildTimestamp.resolve(Map.of(), "2026-11-25T00:00:00Z"))
                .isEqualTo(new BuildTimestamp(1795564800L, "project.build.outputTimestamp"));
        assertThat(BuildTimestamp.resolve(Map.of(), "2026-11-25T01:00:00+01:00").epochSeconds()).isEqualTo(1795564800L);
        assertThat(BuildTimestamp.resolve(Map.of(), "1795564800").epochSeconds()).isEqualTo(1795564800L);
    }

    @Test
    void oneCharacterOrNothingMeansUnsetAndGivesTheDefault() {
        for (String unset : new String[] {null, "", "a", "0"}) {
            assertThat(BuildTimestamp.resolve(Map.of(), unset))
                    .isEqualTo(new BuildTimestamp(BuildTimestamp.DEFAULT_EPOCH_SECONDS, BuildTimestamp.DEFAULT));
        }
        assertThat(BuildTimestamp.resolve(Map.of("SOURCE_DATE_EPOCH", " "), null).epochSeconds())
                .isEqualTo(318211200L);
        assertThat(java.time.Instant.ofEpochSecond(BuildTimestamp.DEFAULT_EPOCH_SECONDS)).hasToString("1980-02-01T00:00:00Z");
    }

    @Test
    void unparsableValuesNameTheirSourceAndValue() {
        assertThatThrownBy(() -> BuildTimestamp.resolve(Map.of("SOURCE_DATE_EPOCH", "yesterday"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SOURCE_DATE_EPOCH='yesterday'").hasMessageContaining("integer number of seconds");
        assertThatThrownBy(() -> BuildTimestamp.resolve(Map.of(), "25/11/2026"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("project.build.outputTimestamp='25/11/2026'").hasMessageContaining("ISO-8601");
    }

    @Test
    void valuesOutsideTheDosRangeAreRefused() {
        assertThatThrownBy(() -> BuildTimestamp.resolve(Map.of(), "1979-12-31T23:59:59Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1980-01-01T00:00:02Z to 2107-12-31T23:59:58Z");
        assertThatThrownBy(() -> BuildTimestamp.resolve(Map.of("SOURCE_DATE_EPOCH", "0"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOURCE_DATE_EPOCH='0'");
        assertThatThrownBy(() -> BuildTimestamp.resolve(Map.of(), "2108-01-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the range");
        assertThat(BuildTimestamp.resolve(Map.of(), "1980-01-01T00:00:02Z").epochSeconds()).isEqualTo(BuildTimestamp.MIN_EPOCH_SECONDS);
        assertThat(BuildTimestamp.resolve(Map.of(), "2107-12-31T23:59:58Z").epochSeconds()).isEqualTo(BuildTimestamp.MAX_EPOCH_SECONDS);
    }
}
