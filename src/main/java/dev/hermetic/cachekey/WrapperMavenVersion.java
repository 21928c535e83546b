package dev.hermetic.cachekey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maven version the Maven Wrapper of a build runs, read from its {@code distributionUrl}: what a key computed
 * before Maven starts counts as the Maven version, where the goal counts the running Maven's.
 */
public final class WrapperMavenVersion {

    private static final Pattern DISTRIBUTION = Pattern.compile("/apache-maven-([^/]+)-bin\\.(?:zip|tar\\.gz)$");

    private WrapperMavenVersion() {}

    /** The version in {@code .mvn/wrapper/maven-wrapper.properties} under {@code root}, if it names one. */
    public static Optional<String> of(Path root) throws CacheKeyException {
        Path properties = root.resolve(".mvn/wrapper/maven-wrapper.properties");
        if (!Files.isRegularFile(properties)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            p.load(in);
        } catch (IOException e) {
            throw CacheKey.unreadable(properties, e);
        }
        Matcher m = DISTRIBUTION.matcher(p.getProperty("distributionUrl", "").strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
