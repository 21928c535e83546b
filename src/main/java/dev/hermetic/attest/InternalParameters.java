package dev.hermetic.attest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermetic.io.CanonicalJson;
import java.util.Locale;
import java.util.Objects;

/**
 * What the build ran on and how it checked its inputs: SLSA's {@code internalParameters}.
 *
 * @param osFamily {@code windows}, {@code mac} or {@code unix} ({@link #osFamily(String)})
 * @param dependenciesVerifiedAgainstLockfile whether every resolved dependency was checked against the lockfile
 *     before the build used it ({@code hermetic:verify}), rather than only hashed after resolution
 */
public record InternalParameters(String mavenVersion, String javaVersion, String javaVendor, String osFamily,
        String pluginVersion, boolean dependenciesVerifiedAgainstLockfile) {

    public InternalParameters {
        Objects.requireNonNull(mavenVersion, "mavenVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(osFamily, "osFamily");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
    }

    /** This JVM's Java version, vendor and OS family, with the given Maven and plugin versions. */
    public static InternalParameters current(String mavenVersion, String pluginVersion,
            boolean dependenciesVerifiedAgainstLockfile) {
        return new InternalParameters(mavenVersion, System.getProperty("java.version"),
                System.getProperty("java.vendor"), osFamily(System.getProperty("os.name")), pluginVersion,
                dependenciesVerifiedAgainstLockfile);
    }

    /** The family of an {@code os.name}, as Maven's profile activation names it: windows, mac or unix. */
    public static String osFamily(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.contains("windows")) {
            return "windows";
        }
        if (name.contains("mac") || name.contains("darwin")) {
            return "mac";
        }
        return "unix";
    }

    ObjectNode toJson() {
        return CanonicalJson.object()
                .put("dependencyVerification", dependenciesVerifiedAgainstLockfile ? "lockfile" : "none")
                .put("javaVendor", javaVendor)
                .put("javaVersion", javaVersion)
                .put("mavenVersion", mavenVersion)
                .put("osFamily", osFamily)
                .put("pluginVersion", pluginVersion);
    }
}
