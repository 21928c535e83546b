package dev.hermetic.lock;

/**
 * A version in a build that does not pin one artifact: a range, a SNAPSHOT, LATEST/RELEASE, an uninterpolated
 * expression, or a plugin whose version the POM does not write. {@link VerifySettings#policyFor} says what to do.
 *
 * @param module the module ({@code groupId:artifactId}) whose model has it
 * @param what what carries the version, e.g. {@code Dependency org.example:lib} or {@code Plugin g:a}; for a plugin
 *     without version, its {@code groupId:artifactId}
 * @param spec the version as written (for a plugin without version: the one Maven picks)
 * @param pluginWithoutVersion whether it is a plugin whose version the POM does not write
 */
public record UnpinnedVersion(String module, String what, VersionSpec spec, boolean pluginWithoutVersion) {

    /** What is wrong and where, then the fix. */
    public String message() {
        return pluginWithoutVersion
                ? "Plugin " + what + " in module " + module + " has no explicit version (Maven uses "
                        + spec.text() + " from its super POM or defaults, which changes with the Maven version). "
                        + "Fix: add <version>" + spec.text() + "</version> to the plugin in <build><plugins> or "
                        + "<pluginManagement>."
                : what + " in module " + module + ": " + spec.describe() + (what.startsWith("Plugin ")
                        ? ". Fix: use a released version of the plugin in <build><plugins> or <pluginManagement>."
                        : ". Fix: depend on an exact release version (in <dependencies> or "
                                + "<dependencyManagement>).");
    }
}
