package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineArgumentsTest {

    private static final Set<String> VALUED = Set.of("--mode", "--exclude");
    private static final Set<String> FLAGS = Set.of("--reproducible");

    private static CommandLineArguments parse(String... args) throws CommandLineArguments.UsageException {
        return CommandLineArguments.parse(List.of(args), VALUED, FLAGS);
    }

    @Test
    void valuesComeAfterTheOptionOrAfterAnEqualsSignAndTheLastOneWins() throws Exception {
        CommandLineArguments parsed = parse("--mode", "fast", "a.jar", "--mode=portable", "--exclude=g:*",
                "--exclude", "h", "--reproducible", "b.jar");
        assertThat(parsed.value("--mode", "x")).isEqualTo("portable");
        assertThat(parsed.values("--exclude")).containsExactly("g:*", "h");
        assertThat(parsed.flag("--reproducible")).isTrue();
        assertThat(parsed.operands()).containsExactly("a.jar", "b.jar");
        assertThat(parsed.help()).isFalse();
    }

    @Test
    void optionsNotGivenFallBack() throws Exception {
        CommandLineArguments parsed = parse("a.jar");
        assertThat(parsed.value("--mode", "portable")).isEqualTo("portable");
        assertThat(parsed.values("--exclude")).isEmpty();
        assertThat(parsed.flag("--reproducible")).isFalse();
    }

    @Test
    void afterADoubleDashEverythingIsAnOperandAndALoneDashIsOne() throws Exception {
        assertThat(parse("-", "--", "--mode", "-x").operands()).containsExactly("-", "--mode", "-x");
    }

    @Test
    void helpStopsTheReading() throws Exception {
        assertThat(parse("a.jar", "-h", "--bogus").help()).isTrue();
        assertThat(parse("--help").help()).isTrue();
    }

    @Test
    void badUsageIsNamed() {
        assertThatThrownBy(() -> parse("--bogus")).isInstanceOf(CommandLineArguments.UsageException.class)
                .hasMessage("unknown option '--bogus'");
        assertThatThrownBy(() -> parse("-x")).hasMessage("unknown option '-x'");
        assertThatThrownBy(() -> parse("a.jar", "--mode")).hasMessage("--mode needs a value");
        assertThatThrownBy(() -> parse("--reproducible=yes")).hasMessage("--reproducible takes no value");
        assertThatThrownBy(() -> parse("--bogus=1")).hasMessage("unknown option '--bogus=1'");
    }
}
