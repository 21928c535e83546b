package dev.hermetic.maven;

import dev.hermetic.lock.Policy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code hermetic:verify} checks and how hard: read from the mojo's parameters, or (in extension mode, before
 * any mojo exists) from the same user properties and plugin configuration.
 *
 * @param lockfile the lockfile to verify against
 * @param excludes exclusion patterns ({@code dev.hermetic.lock.ArtifactPattern})
 * @param rangePolicy for dependencies with a version range (or an uninterpolated expression)
 * @param snapshotPolicy for SNAPSHOT dependencies and plugins
 * @param metaVersionPolicy for LATEST and RELEASE
 * @param pluginVersionPolicy for plugins whose version the POM does not write
 * @param unusedPolicy for locked artifacts the build no longer uses
 * @param strict whether a different environment (Maven, Java, wrapper) fails the build instead of warning
 * @param useCache whether the recorded checksums of files unchanged since they were hashed
 *     ({@link dev.hermetic.lock.FileHashCache}) may be reused
 * @param reuseGraphs whether the dependency graphs of an unchanged build ({@link BuildPlanCache}) may be reused
 * @param runtimePolicy for artifacts plugins resolve while they run that the lockfile does not hold (extension mode,
 *     {@link RuntimeResolutionVerifier})
 * @param usagePolicy for locked artifacts used in a role, scope, module or by a plugin the lockfile does not record
 */
record VerifySettings(Path lockfile, List<String> excludes, Policy rangePolicy, Policy snapshotPolicy,
        Policy metaVersionPolicy, Policy pluginVersionPolicy, Policy unusedPolicy, boolean strict,
        boolean useCache, boolean reuseGraphs, Policy runtimePolicy, Policy usagePolicy) {

    static final String PREFIX = "hermetic.verify.";

    /**
     * Reads the settings through {@code lookup}, which maps a parameter name ({@code rangePolicy}, ...) to its
     * configured text or null.
     *
     * @throws IllegalArgumentException naming the property and the valid values
     */
    static VerifySettings from(Path lockfile, Function<String, String> lookup) {
        List<String> excludes = new ArrayList<>();
        String ex = lookup.apply("excludes");
        if (ex != null) {
            for (String p : ex.split(",")) {
                if (!p.isBlank()) {
                    excludes.add(p.strip());
                }
            }
        }
        return new VerifySettings(lockfile, excludes, policy(lookup, "rangePolicy", "fail"),
                policy(lookup, "snapshotPolicy", "fail"), policy(lookup, "metaVersionPolicy", "fail"),
                policy(lookup, "pluginVersionPolicy", "fail"), policy(lookup, "unusedPolicy", "warn"),
                Boolean.parseBoolean(lookup.apply("strict")), !"false".equalsIgnoreCase(lookup.apply("cache")),
                !"false".equalsIgnoreCase(lookup.apply("reuseGraphs")), policy(lookup, "runtimeResolutions", "fail"),
                policy(lookup, "usagePolicy", "fail"));
    }

    private static Policy policy(Function<String, String> lookup, String name, String defaultValue) {
        String v = lookup.apply(name);
        return Policy.parse(v == null || v.isBlank() ? defaultValue : v, PREFIX + name);
    }
}
