package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class CiRequirementTest {

    @Test
    void presentPasses() {
        assertThatCode(() -> CiRequirement.require(true, "JDK 25 not installed", "true")).doesNotThrowAnyException();
    }

    @Test
    void absentOnCiFails() {
        assertThatThrownBy(() -> CiRequirement.require(false, "JDK 25 not installed at /x", "true"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("JDK 25 not installed at /x")
                .hasMessageContaining("CI=true");
    }

    @Test
    void absentElsewhereSkipsSayingWhy() {
        for (String ci : new String[] {null, "", "false"}) {
            assertThatThrownBy(() -> CiRequirement.require(false, "JDK 25 not installed at /x", ci))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("JDK 25 not installed at /x");
        }
    }
}
