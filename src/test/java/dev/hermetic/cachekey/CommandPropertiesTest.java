package dev.hermetic.cachekey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's -D and -P read as Maven reads them, so that the CLI's key is the goal's. */
class CommandPropertiesTest {

    @Test
    void aPropertyGivenTwiceHasItsLastValueAsInMaven() {
        assertThat(CommandProperties.fromArguments(List.of("-Dx=1", "-Dx=2", "-Dx=1", "-D", "y=a", "--define=y=b"))
                .defines()).isEqualTo(Map.of("x", "1", "y", "b"));
    }
}
