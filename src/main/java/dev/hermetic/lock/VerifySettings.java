package dev.hermetic.lock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code hermetic:verify} checks and how hard, read from its parameters by name ({@code rangePolicy}, ...):
 * the mojo's, or in extension mode the same plugin configuration and user properties read before any mojo exists.
 *
 * @param lockfile the lockfile to verify against
 * @param excludes exclusion patterns ({@link ArtifactPattern})
 * @param rangePolicy for dependencies with a version range (or an uninterpolated expression)
 * @param snapshotPolicy for SNAPSHOT dependencies and plugins
 * @param metaVersionPolicy for LATEST and RELEASE
 * @param pluginVersionPolicy for plugins whose version the POM does not write
 * @param unusedPolicy for locked artifacts the build no longer uses
 * @param strict whether a different environment (Maven, Java, wrapper) fails the build instead of warning
 * @param reuseGraphs whether the stored dependency graphs of an unchanged build may be reused:
 *     {@code hermetic.verify.reuseGraphs}, by default yes except on CI ({@link #reuseGraphsByDefault})
 * @param runtimePolicy for artifacts plugins resolve while they run that the lockfile does not hold (extension mode)
 * @param usagePolicy for locked artifacts used in a role, scope, module or by a plugin the lockfile does not record
 */
public record VerifySettings(Path lockfile, List<String> excludes, Policy rangePolicy, Policy snapshotPolicy,
        Policy metaVersionPolicy, Policy pluginVersionPolicy, Policy unusedPolicy, boolean strict,
        boolean reuseGraphs, Policy runtimePolicy, Policy usagePolicy) {

    /** The prefix of every setting's user property. */
    public static final String PREFIX = "hermetic.verify.";

    /**
     * Reads the settings through {@code lookup}, which maps a parameter name ({@code rangePolicy}, ...) to its
     * configured text or null.
     *
     * @throws IllegalArgumentException naming the property and the valid values
     */
    public static VerifySettings from(Path lockfile, Function<String, String> lookup) {
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
                Boolean.parseBoolean(lookup.apply("strict")),
                reuseGraphs(lookup.apply("reuseGraphs"), System.getenv("CI")),
                policy(lookup, "runtimeResolutions", "fail"), policy(lookup, "usagePolicy", "fail"));
    }

    /**
     * {@code hermetic.verify.reuseGraphs}: {@code true} or {@code false} as given; unset, {@link #reuseGraphsByDefault}.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static boolean reuseGraphs(String value, String ciVariable) {
        if (value == null || value.isBlank()) {
            return reuseGraphsByDefault(ciVariable);
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(PREFIX + "reuseGraphs must be true or false, not '" + value
                    + "'.");
        };
    }

    /**
     * Stored graphs are reused by default on a developer's machine, not on CI (environment variable {@code CI} set
     * to anything but {@code false}, as GitHub Actions, GitLab CI, Jenkins' plugins and most others set it): there
     * the local repository is often restored from a cache that another build, perhaps a pull request's, wrote.
     */
    public static boolean reuseGraphsByDefault(String ciVariable) {
        return ciVariable == null || ciVariable.isBlank() || ciVariable.strip().equalsIgnoreCase("false");
    }

    /** The policy that governs an unpinned version: which setting depends on what kind of version it is. */
    public Policy policyFor(UnpinnedVersion version) {
        if (version.pluginWithoutVersion()) {
            return pluginVersionPolicy;
        }
        return switch (version.spec().kind()) {
            case SNAPSHOT -> snapshotPolicy;
            case LATEST, RELEASE -> metaVersionPolicy;
            case MISSING -> pluginVersionPolicy;
            default -> rangePolicy;
        };
    }

    private static Policy policy(Function<String, String> lookup, String name, String defaultValue) {
        String v = lookup.apply(name);
        return Policy.parse(v == null || v.isBlank() ? defaultValue : v, PREFIX + name);
    }
}
