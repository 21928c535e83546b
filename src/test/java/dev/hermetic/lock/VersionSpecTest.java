package dev.hermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionSpecTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "3.17.0; EXACT",
        "1.0.0.Final; EXACT",
        "2.0-beta-1; EXACT",
        "latest; EXACT",
        "1.0-SNAPSHOT; SNAPSHOT",
        "SNAPSHOT; SNAPSHOT",
        "1.0-20240101.123456-1; SNAPSHOT",
        "[1.0,2.0); RANGE",
        "[1.0]; RANGE",
        "(,1.0]; RANGE",
        "[1.0,); RANGE",
        "[1.0,1.2],[1.3,); RANGE",
        "LATEST; LATEST",
        "RELEASE; RELEASE",
        "${junit.version}; EXPRESSION",
    })
    void classifies(String version, VersionSpec.Kind kind) {
        VersionSpec spec = VersionSpec.of(version);
        assertThat(spec.kind()).isEqualTo(kind);
        assertThat(spec.isPinned()).isEqualTo(kind == VersionSpec.Kind.EXACT);
        assertThat(spec.describe()).isNotBlank();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void missingVersion(String version) {
        assertThat(VersionSpec.of(version).kind()).isEqualTo(VersionSpec.Kind.MISSING);
        assertThat(VersionSpec.of(version).describe()).isEqualTo("no version is given, so Maven picks one");
    }

    @Test
    void describesRangesForErrorMessages() {
        assertThat(VersionSpec.of("[1.0,2.0)").describe())
                .isEqualTo("'[1.0,2.0)' is a version range, which may resolve to a different version tomorrow");
    }

    @ParameterizedTest
    @CsvSource({"fail, FAIL", "WARN, WARN", " Ignore , IGNORE"})
    void policyParsesCaseInsensitively(String text, Policy policy) {
        assertThat(Policy.parse(text, "hermetic.verify.versionPolicy")).isEqualTo(policy);
    }

    @Test
    void policyRefusesOtherValuesListingTheValidOnes() {
        assertThatThrownBy(() -> Policy.parse("strict", "hermetic.verify.versionPolicy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value 'strict' for hermetic.verify.versionPolicy: use one of fail, warn, ignore");
    }
}
