package dev.hermetic.lock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The environment a lockfile was made in. Differences are reported (a warning by default).
 *
 * @param mavenVersion e.g. {@code 3.9.16}
 * @param javaVersion {@code java.version}
 * @param javaVendor {@code java.vendor}
 * @param wrapperDistributionSha256 the Maven Wrapper's {@code distributionSha256Sum}, or empty without a wrapper
 */
public record BuildEnvironment(String mavenVersion, String javaVersion, String javaVendor,
        String wrapperDistributionSha256) {

    /** Where the Maven Wrapper keeps its settings, relative to the build's root. */
    static final String WRAPPER_PROPERTIES = ".mvn/wrapper/maven-wrapper.properties";

    public BuildEnvironment {
        wrapperDistributionSha256 = wrapperDistributionSha256 == null ? "" : wrapperDistributionSha256;
    }

    /**
     * The environment of this build: the given Maven, this JVM's Java, and the {@code distributionSha256Sum} of the
     * Maven Wrapper under {@code buildRoot} (empty without a wrapper, or when its settings cannot be read).
     */
    public static BuildEnvironment current(String mavenVersion, Path buildRoot) {
        String wrapper = "";
        Path props = buildRoot.resolve(WRAPPER_PROPERTIES);
        if (Files.isRegularFile(props)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(props)) {
                p.load(in);
                wrapper = p.getProperty("distributionSha256Sum", "").strip();
            } catch (IOException e) {
                wrapper = "";
            }
        }
        return new BuildEnvironment(mavenVersion, System.getProperty("java.version"),
                System.getProperty("java.vendor"), wrapper);
    }
}
