package dev.hermetic.audit;

/**
 * Every check of the audit, in the order the reports list them (inputs, outputs, verifiable), each with the level
 * that needs it. docs/audit.md describes each: what it looks at, and its fix.
 */
public enum Check {
    PLUGIN_VERSIONS(Area.INPUTS, Level.BRONZE, "plugin-versions",
            "every plugin of the build plan has its version in a POM (not from Maven's defaults)"),
    DYNAMIC_VERSIONS(Area.INPUTS, Level.BRONZE, "dynamic-versions",
            "no version range, SNAPSHOT, LATEST or RELEASE"),
    JDK_PINNED(Area.INPUTS, Level.BRONZE, "jdk-pinned",
            "the JDK is pinned: toolchains, maven.compiler.release or enforcer's requireJavaVersion"),
    REPOSITORIES_HTTPS(Area.INPUTS, Level.BRONZE, "repositories-https",
            "no repository or mirror over plain http"),
    MAVEN_WRAPPER(Area.INPUTS, Level.SILVER, "maven-wrapper",
            "Maven Wrapper with distributionSha256Sum"),
    LOCKFILE(Area.INPUTS, Level.GOLD, "lockfile",
            "hermetic.lock present and in sync"),
    REPOSITORIES_MIRROR(Area.INPUTS, Level.GOLD, "repositories-mirror",
            "no repository a POM adds outside your mirror"),
    TRUSTED_CHECKSUMS(Area.INPUTS, Level.PLATINUM, "trusted-checksums",
            "Maven Resolver's trusted checksums on"),
    OUTPUT_TIMESTAMP(Area.OUTPUTS, Level.SILVER, "output-timestamp",
            "project.build.outputTimestamp set, the same on every checkout"),
    KNOWN_PLUGIN_ISSUES(Area.OUTPUTS, Level.SILVER, "known-plugin-issues",
            "no plugin version known to write non-reproducible output"),
    NORMALIZE_BOUND(Area.OUTPUTS, Level.SILVER, "normalize-bound",
            "hermetic:normalize bound in every module that packages an archive"),
    LINE_ENDINGS(Area.OUTPUTS, Level.SILVER, "line-endings",
            ".gitattributes pins the line endings of text sources"),
    SIGNING(Area.VERIFIABLE, Level.GOLD, "signing",
            "every module signs what it deploys"),
    DIGEST_MANIFEST(Area.VERIFIABLE, Level.GOLD, "digest-manifest",
            "every module writes a signed digest manifest (hermetic:sign)"),
    PROVENANCE(Area.VERIFIABLE, Level.PLATINUM, "provenance",
            "every module writes SLSA provenance (hermetic:provenance)"),
    SBOM(Area.VERIFIABLE, Level.PLATINUM, "sbom",
            "every module that packages an archive writes an SBOM"),
    BUILDINFO(Area.VERIFIABLE, Level.PLATINUM, "buildinfo",
            "the reactor writes a Reproducible Builds .buildinfo of its outputs"),
    REBUILD_COMPARED(Area.VERIFIABLE, Level.PLATINUM, "rebuild-compared",
            "a rebuild of the outputs as they are now (their SHA-256) was compared with a reference and was identical");

    /** What a check is about. */
    public enum Area {
        INPUTS("inputs"), OUTPUTS("outputs"), VERIFIABLE("verifiable");

        private final String id;

        Area(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Area area;
    private final Level level;
    private final String id;
    private final String title;

    Check(Area area, Level level, String id, String title) {
        this.area = area;
        this.level = level;
        this.id = id;
        this.title = title;
    }

    public Area area() {
        return area;
    }

    /** The lowest level that needs this check to pass. */
    public Level level() {
        return level;
    }

    /** As the reports and docs name it, e.g. {@code plugin-versions}. */
    public String id() {
        return id;
    }

    /** What passing means, in one line. */
    public String title() {
        return title;
    }
}
