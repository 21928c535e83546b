package dev.hermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildEnvironmentTest {

    @TempDir
    Path root;

    @Test
    void theCurrentEnvironmentIsThisJavaTheGivenMavenAndTheWrappersChecksum() throws Exception {
        Path props = root.resolve(BuildEnvironment.WRAPPER_PROPERTIES);
        Files.createDirectories(props.getParent());
        Files.writeString(props, "distributionUrl=https://example.org/maven.zip\ndistributionSha256Sum= abc123 \n");

        BuildEnvironment env = BuildEnvironment.current("3.9.16", root);

        assertThat(env).isEqualTo(new BuildEnvironment("3.9.16", System.getProperty("java.version"),
                System.getProperty("java.vendor"), "abc123"));
    }

    @Test
    void withoutAWrapperTheChecksumIsEmpty() {
        assertThat(BuildEnvironment.current("3.8.8", root).wrapperDistributionSha256()).isEmpty();
    }
}
