package dev.hermetic.maven;

import dev.hermetic.archive.BuildTimestamp;
import dev.hermetic.archive.CompressionMode;
import dev.hermetic.archive.NormalizationOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Rewrites, in place, the module's main artifact and every attached artifact that is a zip (jar, war, ear,
 * test-jar, sources, javadoc, zip, any zip by content), a tar or a gzip-compressed tar, so that it is
 * byte-for-byte reproducible. Files that are not archives are left alone.
 *
 * <p>Bound to {@code package} by default. Archives attached later (e.g. by a source or javadoc plugin
 * declared after this one) are caught by a second execution bound to {@code verify}; see docs/normalize.md.
 */
@Mojo(name = "normalize", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, requiresProject = true)
public class NormalizeMojo extends HermeticMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.normalize.skip", defaultValue = "false")
    private boolean skip;

    /**
     * How entries are compressed: {@code portable} re-deflates every entry with a pure-Java deflater, so the
     * bytes are the same on every JDK and zlib; {@code fast} keeps the compressed bytes of entries whose content
     * does not change (faster, but the bytes still depend on whatever compressor produced the input).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.normalize.mode", defaultValue = "portable")
    private String mode;

    /**
     * Manifest main-section attributes to remove in addition to the default list (Built-By, Build-Jdk,
     * Created-By, ...).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.normalize.removeManifestAttributes")
    private List<String> removeManifestAttributes;

    /**
     * Attributes of the default removal list to keep, e.g. {@code Created-By}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.normalize.keepManifestAttributes")
    private List<String> keepManifestAttributes;

    /**
     * Classifiers of attached artifacts to leave alone, e.g. {@code tests}. The main artifact is always
     * normalized.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.normalize.excludeClassifiers")
    private List<String> excludeClassifiers;

    /**
     * The instant archives carry when the environment variable {@code SOURCE_DATE_EPOCH} is not set:
     * ISO-8601 (e.g. {@code 2026-01-01T00:00:00Z}) or integer seconds since 1970, as for maven-archiver.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    public NormalizeMojo() {
        super("normalize");
    }

    @Override
    boolean skipGoal() {
        return skip;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        BuildTimestamp timestamp = resolveTimestamp(System.getenv(), outputTimestamp);
        CompressionMode compression = parseMode(mode);
        getLog().info("Archive timestamp " + Instant.ofEpochSecond(timestamp.epochSeconds()) + " ("
                + timestamp.epochSeconds() + ") from " + timestamp.source() + "; compression mode "
                + compression.name().toLowerCase(Locale.ROOT));
        NormalizationOptions options = NormalizationOptions.defaults(timestamp.epochSeconds())
                .withCompression(compression)
                .withManifestAttributesToRemove(manifestAttributesToRemove(removeManifestAttributes,
                        keepManifestAttributes));
        NormalizationLedger.Settings settings = new NormalizationLedger.Settings(options, nonBlank(excludeClassifiers));
        NormalizationLedger.run(project, settings, getLog());
        NormalizationLedger.remember(project, settings);
    }

    /** The archives' timestamp; extension mode calls it as the build starts, so a bad one fails before compile. */
    static BuildTimestamp resolveTimestamp(Map<String, String> environment, String outputTimestamp)
            throws MojoFailureException {
        try {
            return BuildTimestamp.resolve(environment, outputTimestamp);
        } catch (IllegalArgumentException e) {
            // The core's message names the source, the value and how to fix SOURCE_DATE_EPOCH; add the POM side.
            String fix = e.getMessage().startsWith(BuildTimestamp.SOURCE_DATE_EPOCH) ? ""
                    : ". Set <project.build.outputTimestamp> to an ISO-8601 instant between 1980-01-01T00:00:02Z"
                            + " and 2107-12-31T23:59:58Z (e.g. 2026-01-01T00:00:00Z) or to integer seconds since 1970";
            throw new MojoFailureException("Invalid build timestamp: " + e.getMessage() + fix, e);
        }
    }

    static CompressionMode parseMode(String mode) throws MojoFailureException {
        try {
            return CompressionMode.parse(mode);
        } catch (IllegalArgumentException e) {
            // Not chained: Maven would append the core's own wording of the same thing.
            throw new MojoFailureException("Invalid compression mode '" + mode
                    + "' (hermetic.normalize.mode / <mode>): use portable (the default) or fast.");
        }
    }

    /** The default list, plus {@code remove}, minus {@code keep} (case-insensitive, as manifest names are). */
    static List<String> manifestAttributesToRemove(List<String> remove, List<String> keep) {
        Set<String> attributes = new LinkedHashSet<>(NormalizationOptions.DEFAULT_MANIFEST_ATTRIBUTES_TO_REMOVE);
        attributes.addAll(nonBlank(remove));
        Set<String> kept = new LinkedHashSet<>();
        nonBlank(keep).forEach(a -> kept.add(a.toLowerCase(Locale.ROOT)));
        attributes.removeIf(a -> kept.contains(a.toLowerCase(Locale.ROOT)));
        return new ArrayList<>(attributes);
    }

    private static Set<String> nonBlank(List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    result.add(v.trim());
                }
            }
        }
        return result;
    }
}
