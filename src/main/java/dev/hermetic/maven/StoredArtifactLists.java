package dev.hermetic.maven;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.io.AtomicFile;
import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.StoredListCheck;
import dev.hermetic.lock.UnpinnedVersion;
import dev.hermetic.lock.UsedArtifact;
import dev.hermetic.lock.VersionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.model.BuildBase;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Exclusion;
import org.apache.maven.model.Extension;
import org.apache.maven.model.Model;
import org.apache.maven.model.ModelBase;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Profile;
import org.apache.maven.model.Repository;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.artifact.ArtifactType;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;

/**
 * Remembers what {@link BuildArtifactCollector} found for a build, so that verifying the same build again only hashes
 * files instead of resolving every dependency graph again (the collection is most of verify's cost).
 *
 * <p>Why a hit is safe: the collection is a function of the modules' models (effective and as written: dependencies,
 * managed versions, imported BOMs, plugins, properties, profiles), of the Maven version, of what activates profiles in
 * the POMs read (JDK, operating system, user properties), and of the contents of the POMs the resolver reads, parents
 * and BOMs included. The key covers the first three and the lockfile; every POM read is in the cached list, so its
 * checksum is verified on every run: a changed POM fails verification before the reused graph could matter. Builds
 * whose graph depends on repository metadata (version ranges, SNAPSHOT, LATEST, RELEASE) are never cached.
 *
 * <p>The cache lives in the local repository (next to what it describes, and outside {@code target/}, which
 * {@code mvn clean verify} empties first), so it may come back from a CI cache that someone else wrote. A cached list
 * is therefore only used when it cannot hide a file from verification ({@link StoredListCheck}).
 */
final class StoredArtifactLists {

    private static final String FORMAT = "hermetic-build-plan-cache 2";

    /** User properties that only steer this plugin's goals: they do not change what the build resolves. */
    private static final String OWN_PROPERTY_PREFIX = "hermetic.";

    private StoredArtifactLists() {}

    /**
     * What, besides the models, decides which profiles of the POMs read are active: the JDK, the operating system and
     * the user properties ({@code -D} on the command line), except this plugin's own.
     */
    static String environment(Properties userProperties) {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("java.version", "java.vendor", "os.name", "os.arch", "os.version")) {
            out.append(name).append('=').append(System.getProperty(name)).append('\n');
        }
        new TreeMap<>(userProperties).forEach((k, v) -> {
            if (!String.valueOf(k).startsWith(OWN_PROPERTY_PREFIX)) {
                out.append("user ").append(k).append('=').append(v).append('\n');
            }
        });
        return out.toString();
    }

    /**
     * The cache file for this build's key, or null if the key cannot be computed.
     *
     * @param environment {@link #environment}
     */
    static Path file(Path localRepository, List<MavenProject> projects, Path lockfile, String mavenVersion,
            String environment) {
        try {
            StringBuilder key = new StringBuilder(FORMAT).append('\n').append(mavenVersion).append('\n')
                    .append(environment).append('\n');
            key.append(HexDigests.digest(lockfile, DigestAlgorithm.SHA_256)).append('\n');
            for (MavenProject p : projects) {
                key.append(p.getFile()).append('\n');
                describe(p.getModel(), key);
                describe(p.getOriginalModel(), key);
            }
            String digest = HexDigests.digest(key.toString().getBytes(StandardCharsets.UTF_8),
                    DigestAlgorithm.SHA_256);
            return localRepository.resolve(".hermetic/build-plans").resolve(digest + ".txt");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Appends everything of a model that the collection depends on: coordinates, parent, properties, dependencies,
     * managed dependencies (BOM imports included, as written), plugins and their dependencies and executions,
     * extensions, repositories, profiles.
     */
    private static void describe(Model m, StringBuilder out) {
        if (m == null) {
            out.append("no model\n");
            return;
        }
        out.append("model ").append(m.getGroupId()).append(':').append(m.getArtifactId()).append(':')
                .append(m.getVersion()).append(':').append(m.getPackaging()).append('\n');
        Parent parent = m.getParent();
        if (parent != null) {
            out.append("parent ").append(parent.getId()).append(' ').append(parent.getRelativePath()).append('\n');
        }
        new TreeMap<>(m.getProperties()).forEach((k, v) -> out.append("property ").append(k).append('=').append(v)
                .append('\n'));
        describe((ModelBase) m, out);
        if (m.getBuild() != null) {
            for (Extension e : m.getBuild().getExtensions()) {
                out.append("extension ").append(e.getGroupId()).append(':').append(e.getArtifactId()).append(':')
                        .append(e.getVersion()).append('\n');
            }
        }
        describe(m.getBuild(), out);
        for (Profile profile : m.getProfiles()) {
            out.append("profile ").append(profile.getId()).append('\n');
            new TreeMap<>(profile.getProperties()).forEach((k, v) -> out.append("property ").append(k).append('=')
                    .append(v).append('\n'));
            describe((ModelBase) profile, out);
            describe(profile.getBuild(), out);
        }
    }

    private static void describe(ModelBase base, StringBuilder out) {
        for (Dependency d : base.getDependencies()) {
            out.append("dependency ").append(describe(d)).append('\n');
        }
        DependencyManagement dm = base.getDependencyManagement();
        if (dm != null) {
            for (Dependency d : dm.getDependencies()) {
                out.append("managed ").append(describe(d)).append('\n');
            }
        }
        for (Repository r : base.getRepositories()) {
            out.append("repository ").append(r.getId()).append(' ').append(r.getUrl()).append('\n');
        }
        for (Repository r : base.getPluginRepositories()) {
            out.append("pluginRepository ").append(r.getId()).append(' ').append(r.getUrl()).append('\n');
        }
    }

    private static void describe(BuildBase build, StringBuilder out) {
        if (build == null) {
            return;
        }
        List<Plugin> plugins = new ArrayList<>(build.getPlugins());
        if (build.getPluginManagement() != null) {
            out.append("managed plugins\n");
            plugins.addAll(build.getPluginManagement().getPlugins());
        }
        for (Plugin p : plugins) {
            out.append("plugin ").append(p.getId()).append(' ').append(p.getExtensions()).append('\n');
            for (Dependency d : p.getDependencies()) {
                out.append("  dependency ").append(describe(d)).append('\n');
            }
            for (PluginExecution e : p.getExecutions()) {
                out.append("  execution ").append(e.getId()).append(' ').append(e.getPhase()).append(' ')
                        .append(e.getGoals()).append('\n');
            }
        }
    }

    private static String describe(Dependency d) {
        StringBuilder s = new StringBuilder().append(d.getGroupId()).append(':').append(d.getArtifactId()).append(':')
                .append(d.getVersion()).append(':').append(d.getType()).append(':').append(d.getClassifier())
                .append(':').append(d.getScope()).append(':').append(d.getOptional()).append(':')
                .append(d.getSystemPath());
        for (Exclusion x : d.getExclusions()) {
            s.append(" -").append(x.getGroupId()).append(':').append(x.getArtifactId());
        }
        return s.toString();
    }

    /** Whether a collection may be cached: its graph does not depend on repository metadata. */
    static boolean cacheable(BuildArtifactCollector.Collected collected) {
        return collected.versionFindings().stream().allMatch(UnpinnedVersion::pluginWithoutVersion);
    }

    /**
     * Reads {@link StoredListCheck.Declarations} off the projects' effective models; {@code types} maps a dependency
     * type.
     */
    static StoredListCheck.Declarations declarations(List<MavenProject> projects, ArtifactTypeRegistry types,
            Properties userProperties, Properties systemProperties) {
        Set<String> reactor = BuildArtifactCollector.reactorIds(projects);
        List<UsedArtifact> required = new ArrayList<>();
        Map<String, String> managed = new TreeMap<>();
        for (MavenProject project : projects) {
            String module = BuildArtifactCollector.moduleName(project);
            Set<String> direct = new HashSet<>();
            for (Dependency d : project.getDependencies()) {
                ArtifactCoordinates c = coordinates(d, types);
                direct.add(StoredListCheck.managementKey(c));
                if (!"system".equals(d.getScope()) && c.version() != null
                        && !BuildArtifactCollector.inReactor(reactor, c)) {
                    required.add(new UsedArtifact(c, null, ArtifactRole.DEPENDENCY, StoredListCheck.declaredScope(d.getScope()), module));
                }
            }
            DependencyManagement dm = project.getDependencyManagement();
            if (dm != null) {
                for (Dependency d : dm.getDependencies()) {
                    ArtifactCoordinates c = coordinates(d, types);
                    if (!direct.contains(StoredListCheck.managementKey(c)) && d.getVersion() != null) {
                        managed.put(module + " " + StoredListCheck.managementKey(c), d.getVersion());
                    }
                }
            }
            for (Plugin plugin : project.getBuildPlugins()) {
                if (plugin.getVersion() == null || plugin.getVersion().isBlank()
                        || PluginCollector.onlySiteLifecycle(project, plugin)) {
                    continue;
                }
                add(required, reactor, new ArtifactCoordinates(plugin.getGroupId(), plugin.getArtifactId(),
                        plugin.getVersion(), "jar", ""), ArtifactRole.PLUGIN, module);
                for (Dependency d : plugin.getDependencies()) {
                    add(required, reactor, coordinates(d, types), ArtifactRole.PLUGIN_DEPENDENCY, module);
                }
            }
            for (Extension e : project.getBuildExtensions()) {
                add(required, reactor, new ArtifactCoordinates(e.getGroupId(), e.getArtifactId(), e.getVersion(),
                        "jar", ""), ArtifactRole.EXTENSION, module);
            }
            for (MavenProject p = project; p != null && p.getModel().getParent() != null; p = p.getParent()) {
                Parent parent = p.getModel().getParent();
                add(required, reactor, new ArtifactCoordinates(parent.getGroupId(), parent.getArtifactId(),
                        parent.getVersion(), "pom", ""), ArtifactRole.PARENT, module);
            }
            for (String gav : ImportedBoms.of(project, userProperties, systemProperties)) {
                String[] p = gav.split(":");
                add(required, reactor, new ArtifactCoordinates(p[0], p[1], p[2], "pom", ""), ArtifactRole.BOM, module);
            }
        }
        return new StoredListCheck.Declarations(required, managed);
    }

    private static void add(List<UsedArtifact> required, Set<String> reactor, ArtifactCoordinates c, ArtifactRole role,
            String module) {
        if (c.version() != null && !c.version().isBlank() && !BuildArtifactCollector.inReactor(reactor, c)) {
            required.add(new UsedArtifact(c, null, role, "", module));
        }
    }

    private static ArtifactCoordinates coordinates(Dependency d, ArtifactTypeRegistry types) {
        ArtifactType type = types == null ? null : types.get(d.getType());
        String extension = type != null ? type.getExtension() : d.getType();
        String classifier = d.getClassifier() != null && !d.getClassifier().isEmpty() ? d.getClassifier()
                : type != null ? type.getClassifier() : "";
        return new ArtifactCoordinates(d.getGroupId(), d.getArtifactId(), d.getVersion(), extension,
                classifier == null ? "" : classifier);
    }

    /** The cached collection, or null if absent, unreadable, or if one of its files is gone. */
    static BuildArtifactCollector.Collected read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
                return null;
            }
            List<UsedArtifact> used = new ArrayList<>();
            List<UnpinnedVersion> findings = new ArrayList<>();
            Map<String, Boolean> exists = new TreeMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("U") && f.length == 11) {
                    Path path = Path.of(f[9]);
                    if (!exists.computeIfAbsent(f[9], k -> Files.isRegularFile(path))) {
                        return null; // e.g. the local repository was cleaned: collect (and download) again
                    }
                    used.add(new UsedArtifact(new ArtifactCoordinates(f[4], f[5], f[8], f[6], f[7]), path,
                            ArtifactRole.valueOf(f[1]), f[2], f[3], f[10]));
                } else if (f[0].equals("V") && f.length == 4) {
                    findings.add(new UnpinnedVersion(f[1], f[2], VersionSpec.of(f[3]), true));
                } else {
                    return null;
                }
            }
            return new BuildArtifactCollector.Collected(used, findings, 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the collection (atomically; a cache that cannot be written is only a missed speed-up). */
    static void write(Path file, BuildArtifactCollector.Collected collected) {
        if (file == null || !cacheable(collected)) {
            return;
        }
        StringBuilder out = new StringBuilder(FORMAT).append('\n');
        for (UsedArtifact u : collected.used()) {
            ArtifactCoordinates c = u.coordinates();
            out.append(String.join("\t", "U", u.role().name(), u.scope(), u.module(), c.groupId(), c.artifactId(),
                    c.extension(), c.classifier(), c.version(), u.file().toString(), u.plugin())).append('\n');
        }
        for (UnpinnedVersion v : collected.versionFindings()) {
            out.append(String.join("\t", "V", v.module(), v.what(), v.spec().text())).append('\n');
        }
        try {
            AtomicFile.write(file, out);
        } catch (IOException | RuntimeException e) {
            // Read-only local repository, full disk: verify still works, only slower next time.
        }
    }
}
