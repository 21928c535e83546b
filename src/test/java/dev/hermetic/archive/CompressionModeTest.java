package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompressionModeTest {

    @Test
    void namesAreReadCaseInsensitivelyAndUnknownOnesAreNamed() {
        assertThat(CompressionMode.parse("portable")).isEqualTo(CompressionMode.PORTABLE);
        assertThat(CompressionMode.parse(" FAST ")).isEqualTo(CompressionMode.FAST);
        assertThatThrownBy(() -> CompressionMode.parse("zip")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'zip' is not a compression mode: use portable or fast");
        assertThatThrownBy(() -> CompressionMode.parse(null)).hasMessageContaining("use portable or fast");
    }
}
