package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class CacheKeyMojoTest {

    @Test
    void theSkipMessageNamesTheGoalAsUsersTypeIt() throws Exception {
        CacheKeyMojo mojo = new CacheKeyMojo(null);
        List<String> logged = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add(content.toString());
            }
        });
        var skip = CacheKeyMojo.class.getDeclaredField("skip");
        skip.setAccessible(true);
        skip.setBoolean(mojo, true);
        mojo.execute();
        assertThat(logged).containsExactly("Skipping hermetic:cache-key (hermetic.cacheKey.skip is true)");
    }
}
