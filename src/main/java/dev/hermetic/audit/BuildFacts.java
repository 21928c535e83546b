package dev.hermetic.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the audit looks at, as the build-tool adapter read it: the reactor's modules with their effective plugins,
 * the repositories, the files of the build's root, the lockfile's verification and the last comparison. Nothing here
 * is judged; {@link Audit} judges.
 *
 * @param mavenVersion the Maven running the build, e.g. {@code 3.9.16}
 * @param javaRelease the feature release of the JDK running the build, e.g. {@code 17}
 * @param hermeticVersion this plugin's version, for the fixes' snippets
 * @param modules every module of the reactor, in reactor order
 * @param repositories every repository the build may download from, and every mirror
 * @param wrapper the Maven Wrapper's settings, or null when the build has none
 * @param gitattributes the {@code .gitattributes} files that apply to the build's root, outermost first
 * @param resolverProperties the properties Maven Resolver reads (user and system properties, {@code .mvn/maven.config}
 *     included), only those whose name starts with {@code aether.}
 * @param lockfile what verifying the build against its lockfile found
 * @param comparisons the reports of earlier {@code hermetic:compare} or {@code artifact:compare} runs found in
 *     {@code target/}
 */
public record BuildFacts(String mavenVersion, int javaRelease, String hermeticVersion, List<Module> modules, List<Repository> repositories, Wrapper wrapper,
        List<TextFile> gitattributes, Map<String, String> resolverProperties, LockfileState lockfile,
        List<Comparison> comparisons) {

    public BuildFacts {
        Objects.requireNonNull(mavenVersion, "mavenVersion");
        Objects.requireNonNull(hermeticVersion, "hermeticVersion");
        modules = List.copyOf(modules);
        repositories = List.copyOf(repositories);
        gitattributes = List.copyOf(gitattributes);
        resolverProperties = new TreeMap<>(resolverProperties);
        Objects.requireNonNull(lockfile, "lockfile");
        comparisons = List.copyOf(comparisons);
    }

    /**
     * One module.
     *
     * @param id {@code groupId:artifactId}
     * @param packaging e.g. {@code jar}, {@code pom}
     * @param outputTimestamp {@code project.build.outputTimestamp} as the model has it (interpolated), or null
     * @param outputTimestampAsWritten the same property as a POM of the module or its parents writes it, before
     *     interpolation (e.g. {@code ${git.commit.time}}), or null
     * @param plugins the plugins of its build plan, those Maven binds by default included, site lifecycle left out
     * @param versions the versions its model names for dependencies (managed ones too), plugin dependencies and build
     *     extensions
     * @param jdkPins what pins its JDK, one description each (e.g. {@code maven.compiler.release=17}); empty if nothing
     */
    public record Module(String id, String packaging, String outputTimestamp, String outputTimestampAsWritten,
            List<Plugin> plugins, List<VersionUse> versions, List<String> jdkPins) {
        public Module {
            plugins = List.copyOf(plugins);
            versions = List.copyOf(versions);
            jdkPins = List.copyOf(jdkPins);
        }

        /** Whether it packages an archive (anything but a POM-only module). */
        public boolean packagesArchive() {
            return !"pom".equals(packaging);
        }
    }

    /**
     * A plugin of a module's build plan.
     *
     * @param version its version in the effective model (from Maven's defaults when no POM writes it), or null
     * @param versionInPom whether the module's POM or a parent's writes its version (in plugins, plugin management
     *     or a profile)
     * @param goals the goals its executions bind in this module
     */
    public record Plugin(String groupId, String artifactId, String version, boolean versionInPom, Set<String> goals) {
        public Plugin {
            goals = Set.copyOf(goals);
        }

        public String key() {
            return groupId + ":" + artifactId;
        }

        public boolean binds(String groupId, String artifactId, String goal) {
            return this.groupId.equals(groupId) && this.artifactId.equals(artifactId) && goals.contains(goal);
        }
    }

    /**
     * A version a model names.
     *
     * @param what what carries it, e.g. {@code dependency junit:junit} or {@code extension g:a}
     */
    public record VersionUse(String what, String version) {}

    /**
     * A repository or mirror.
     *
     * @param kind {@code repository}, {@code plugin repository} or {@code mirror}
     * @param source where it is declared: {@code pom.xml of g:a}, {@code settings.xml} or {@code Maven's super POM}
     * @param declaredByPom whether a POM of the build (not Maven's super POM, not settings) declares it
     * @param mirror the id of the mirror it is fetched through, or null when none matches it
     * @param blocked whether that mirror blocks it (Maven's {@code maven-default-http-blocker})
     */
    public record Repository(String kind, String id, String url, String source, boolean declaredByPom, String mirror,
            boolean blocked) {}

    /**
     * {@code .mvn/wrapper/maven-wrapper.properties}.
     *
     * @param file its path, for the reports
     * @param distributionUrl {@code distributionUrl}, or null
     * @param distributionSha256Sum {@code distributionSha256Sum}, or null
     */
    public record Wrapper(String file, String distributionUrl, String distributionSha256Sum) {}

    /** A file's path (for the reports) and text. */
    public record TextFile(String path, String text) {}

    /**
     * What verifying the build against its lockfile found (hermetic:verify's logic, run without failing).
     *
     * @param file the lockfile's path
     * @param present whether it exists
     * @param problems every problem found, each with its own fix; empty when the build matches it
     * @param summary verify's summary line, or null when verification could not run
     * @param lockCommand the command that locks this build
     */
    public record LockfileState(String file, boolean present, List<String> problems, String summary,
            String lockCommand) {
        public LockfileState {
            problems = List.copyOf(problems);
        }
    }

    /**
     * An earlier comparison's report.
     *
     * @param file its path
     * @param identical whether every file was identical to the reference (nothing different, nothing missing)
     * @param summary its counts, as the report gives them
     * @param notCurrent why the report cannot be shown to be about this build's outputs as they are now, one reason
     *     each; empty when every file it compared on this build's side still has the digest it records
     */
    public record Comparison(String file, boolean identical, String summary, List<String> notCurrent) {
        public Comparison {
            notCurrent = List.copyOf(notCurrent);
        }

        /** Whether it is about this build's outputs as they are now. */
        public boolean current() {
            return notCurrent.isEmpty();
        }
    }
}
