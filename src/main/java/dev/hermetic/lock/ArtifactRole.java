package dev.hermetic.lock;

/** Why the build uses an artifact. One artifact may have several roles. */
public enum ArtifactRole {
    /** A dependency of a module (direct or transitive, any scope). */
    DEPENDENCY,
    /** A plugin of the build plan. */
    PLUGIN,
    /** A dependency of a plugin (its own, or one added in the POM). */
    PLUGIN_DEPENDENCY,
    /** A build extension (or a plugin declared with extensions=true) and its dependencies. */
    EXTENSION,
    /** A parent POM. */
    PARENT,
    /** A BOM imported in dependencyManagement. */
    BOM,
    /** The POM of another artifact. */
    POM,
    /** Resolved by a plugin while it ran (e.g. Surefire's test-framework providers). */
    RUNTIME
}
