package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class HermeticMojoTest {

    /** A goal that records whether it ran and what it logged. */
    static final class RecordingMojo extends HermeticMojo {
        boolean skip;
        boolean ran;
        final List<String> logged = new ArrayList<>();

        RecordingMojo() {
            this("example");
        }

        RecordingMojo(String goal) {
            super(goal);
            setLog(new SystemStreamLog() {
                @Override
                public void info(CharSequence content) {
                    logged.add(content.toString());
                }
            });
        }

        @Override
        boolean skipGoal() {
            return skip;
        }

        @Override
        void run() {
            ran = true;
        }
    }

    @Test
    void runsWhenNothingSkips() throws Exception {
        RecordingMojo mojo = new RecordingMojo();
        mojo.execute();
        assertThat(mojo.ran).isTrue();
        assertThat(mojo.logged).isEmpty();
    }

    @Test
    void theGoalsOwnSkipIsNamed() throws Exception {
        RecordingMojo mojo = new RecordingMojo();
        mojo.skip = true;
        mojo.execute();
        assertThat(mojo.ran).isFalse();
        assertThat(mojo.logged).containsExactly("Skipping hermetic:example (hermetic.example.skip is true)");
    }

    @Test
    void aGoalOfTwoWordsIsNamedAsTypedAndItsPropertyInCamelCase() throws Exception {
        RecordingMojo mojo = new RecordingMojo("cache-key");
        mojo.skip = true;
        mojo.execute();
        assertThat(mojo.logged).containsExactly("Skipping hermetic:cache-key (hermetic.cacheKey.skip is true)");
    }

    @Test
    void skipAllSkipsEveryGoal() throws Exception {
        RecordingMojo mojo = new RecordingMojo();
        var skipAll = HermeticMojo.class.getDeclaredField("skipAll");
        skipAll.setAccessible(true);
        skipAll.setBoolean(mojo, true);
        mojo.execute();
        assertThat(mojo.ran).isFalse();
        assertThat(mojo.logged).containsExactly("Skipping hermetic:example (hermetic.skip is true)");
    }
}
