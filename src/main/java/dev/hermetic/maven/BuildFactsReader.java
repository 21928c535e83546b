package dev.hermetic.maven;

import dev.hermetic.audit.BuildFacts;
import dev.hermetic.audit.ComparisonReportReader;
import dev.hermetic.lock.ReactorVerification;
import dev.hermetic.lock.VerifySettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.maven.artifact.repository.ArtifactRepository;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Extension;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Profile;
import org.apache.maven.model.Repository;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Mirror;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads what {@code hermetic:audit} judges from a Maven session: the reactor's effective models (plugins Maven binds
 * by default included), the repositories and mirrors, the files at the build's root, the lockfile's verification (by
 * {@link BuildVerifier}, as {@code hermetic:verify} runs it, without failing) and the reports of earlier comparisons.
 * Reads only what is on disk or in the session: nothing is downloaded beyond what verification resolves.
 */
final class BuildFactsReader {

    static final String OUTPUT_TIMESTAMP = "project.build.outputTimestamp";
    private static final String SUPER_POM = "Maven's super POM";

    private final MavenSession session;
    private final List<MavenProject> projects;

    BuildFactsReader(MavenSession session) {
        this.session = session;
        this.projects = BuildVerifier.reactor(session);
    }

    /** Every module, in reactor order, as the audit sees it. */
    List<BuildFacts.Module> modules() {
        Set<String> reactor = BuildArtifactCollector.reactorIds(projects);
        List<BuildFacts.Module> modules = new ArrayList<>();
        for (MavenProject project : projects) {
            String id = BuildArtifactCollector.moduleName(project);
            List<BuildFacts.Plugin> plugins = new ArrayList<>();
            for (Plugin plugin : project.getBuildPlugins()) {
                if (PluginCollector.onlySiteLifecycle(project, plugin)) {
                    continue;
                }
                Set<String> goals = new TreeSet<>();
                plugin.getExecutions().forEach(e -> goals.addAll(e.getGoals()));
                plugins.add(new BuildFacts.Plugin(plugin.getGroupId(), plugin.getArtifactId(), plugin.getVersion(),
                        UnpinnedVersions.hasExplicitVersion(project, plugin), goals));
            }
            modules.add(new BuildFacts.Module(id, project.getPackaging(),
                    project.getProperties().getProperty(OUTPUT_TIMESTAMP), asWritten(project), plugins,
                    versions(project, reactor), jdkPins(project)));
        }
        return modules;
    }

    /** The output timestamp as the nearest POM of the module's hierarchy writes it, before interpolation. */
    private static String asWritten(MavenProject project) {
        for (MavenProject p = project; p != null; p = p.getParent()) {
            Model model = p.getOriginalModel();
            if (model != null && model.getProperties().getProperty(OUTPUT_TIMESTAMP) != null) {
                return model.getProperties().getProperty(OUTPUT_TIMESTAMP);
            }
        }
        return null;
    }

    /** The versions the module's effective model names, the reactor's own modules left out. */
    private static List<BuildFacts.VersionUse> versions(MavenProject project, Set<String> reactor) {
        Set<BuildFacts.VersionUse> versions = new LinkedHashSet<>();
        Model original = project.getOriginalModel();
        if (original != null && original.getParent() != null) {
            var parent = original.getParent();
            // The effective version, when the POM writes an expression (CI-friendly ${revision}).
            String version = parent.getVersion() != null && parent.getVersion().contains("${")
                    && project.getParent() != null ? project.getParent().getVersion() : parent.getVersion();
            if (!reactor.contains(parent.getGroupId() + ":" + parent.getArtifactId() + ":" + version)) {
                versions.add(new BuildFacts.VersionUse("parent " + parent.getGroupId() + ":" + parent.getArtifactId(),
                        version));
            }
        }
        for (Dependency d : project.getDependencies()) {
            add(versions, "dependency", d, reactor);
        }
        if (project.getDependencyManagement() != null) {
            for (Dependency d : project.getDependencyManagement().getDependencies()) {
                add(versions, "managed dependency", d, reactor);
            }
        }
        for (Plugin plugin : project.getBuildPlugins()) {
            for (Dependency d : plugin.getDependencies()) {
                add(versions, "plugin " + plugin.getArtifactId() + "'s dependency", d, reactor);
            }
        }
        for (Extension e : project.getBuildExtensions()) {
            versions.add(new BuildFacts.VersionUse("extension " + e.getGroupId() + ":" + e.getArtifactId(),
                    e.getVersion()));
        }
        return List.copyOf(versions);
    }

    private static void add(Set<BuildFacts.VersionUse> versions, String what, Dependency d, Set<String> reactor) {
        if (!reactor.contains(d.getGroupId() + ":" + d.getArtifactId() + ":" + d.getVersion())) {
            versions.add(new BuildFacts.VersionUse(what + " " + d.getGroupId() + ":" + d.getArtifactId(),
                    d.getVersion()));
        }
    }

    /** What pins the module's JDK: the release property, the compiler's release, a toolchain, enforcer's rule. */
    private static List<String> jdkPins(MavenProject project) {
        List<String> pins = new ArrayList<>();
        String release = project.getProperties().getProperty("maven.compiler.release");
        if (release != null && !release.isBlank()) {
            pins.add("maven.compiler.release=" + release);
        }
        for (Plugin plugin : project.getBuildPlugins()) {
            String a = plugin.getArtifactId();
            for (Xpp3Dom configuration : configurations(plugin)) {
                if (a.equals("maven-compiler-plugin")) {
                    value(configuration, "release").ifPresent(v -> pins.add("maven-compiler-plugin <release>" + v));
                    if (configuration.getChild("jdkToolchain") != null) {
                        pins.add("maven-compiler-plugin <jdkToolchain>");
                    }
                } else if (a.equals("maven-toolchains-plugin") && configuration.getChild("toolchains") != null) {
                    pins.add("maven-toolchains-plugin <toolchains>");
                } else if (a.equals("maven-enforcer-plugin") && configuration.getChild("rules") != null
                        && configuration.getChild("rules").getChild("requireJavaVersion") != null) {
                    pins.add("maven-enforcer-plugin requireJavaVersion "
                            + value(configuration.getChild("rules").getChild("requireJavaVersion"), "version")
                                    .orElse(""));
                }
            }
        }
        return pins.stream().map(String::strip).distinct().toList();
    }

    private static List<Xpp3Dom> configurations(Plugin plugin) {
        List<Xpp3Dom> all = new ArrayList<>();
        if (plugin.getConfiguration() instanceof Xpp3Dom c) {
            all.add(c);
        }
        for (PluginExecution e : plugin.getExecutions()) {
            if (e.getConfiguration() instanceof Xpp3Dom c) {
                all.add(c);
            }
        }
        return all;
    }

    private static java.util.Optional<String> value(Xpp3Dom parent, String child) {
        Xpp3Dom node = parent.getChild(child);
        return node == null || node.getValue() == null || node.getValue().isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(node.getValue().strip());
    }

    /**
     * The repositories and mirrors: those each POM of the reactor's hierarchies declares (with the mirror that serves
     * it, if any), Maven's central when no POM declares it, and the mirrors in use.
     */
    List<BuildFacts.Repository> repositories() {
        Map<String, ArtifactRepository> mirrorOf = new LinkedHashMap<>();
        Map<String, BuildFacts.Repository> all = new LinkedHashMap<>();
        for (MavenProject project : projects) {
            List<ArtifactRepository> effective = new ArrayList<>(project.getRemoteArtifactRepositories());
            effective.addAll(project.getPluginArtifactRepositories());
            for (ArtifactRepository r : effective) {
                for (ArtifactRepository original : r.getMirroredRepositories()) {
                    mirrorOf.put(original.getId(), r);
                }
                if (!r.getMirroredRepositories().isEmpty() && !r.isBlocked()) {
                    put(all, new BuildFacts.Repository("mirror", r.getId(), r.getUrl(), "settings.xml", false, null,
                            false));
                }
            }
        }
        Set<String> declared = new TreeSet<>();
        for (MavenProject project : projects) {
            for (MavenProject p = project; p != null; p = p.getParent()) {
                Model model = p.getOriginalModel();
                if (model == null) {
                    continue;
                }
                String source = "pom.xml of " + BuildArtifactCollector.moduleName(p);
                // Active profiles of this POM; Maven lists settings.xml's active profiles here too.
                Set<String> own = new TreeSet<>();
                model.getProfiles().forEach(profile -> own.add(profile.getId()));
                List<Profile> profiles = p.getActiveProfiles().stream()
                        .filter(profile -> Profile.SOURCE_POM.equals(profile.getSource()) && own.contains(profile.getId()))
                        .toList();
                addDeclared(all, mirrorOf, declared, "repository", model.getRepositories(), source);
                addDeclared(all, mirrorOf, declared, "plugin repository", model.getPluginRepositories(), source);
                for (Profile profile : profiles) {
                    addDeclared(all, mirrorOf, declared, "repository", profile.getRepositories(), source);
                    addDeclared(all, mirrorOf, declared, "plugin repository", profile.getPluginRepositories(), source);
                }
            }
        }
        for (MavenProject project : projects) {
            List<ArtifactRepository> effective = new ArrayList<>(project.getRemoteArtifactRepositories());
            effective.addAll(project.getPluginArtifactRepositories());
            for (ArtifactRepository r : effective) {
                if (r.getMirroredRepositories().isEmpty() && !declared.contains(r.getId())) {
                    put(all, new BuildFacts.Repository("repository", r.getId(), r.getUrl(), "central".equals(r.getId())
                            ? SUPER_POM : "settings.xml", false, null, false));
                }
            }
        }
        for (Mirror mirror : session.getSettings().getMirrors()) {
            put(all, new BuildFacts.Repository("mirror", mirror.getId(), mirror.getUrl(), "settings.xml", false, null,
                    mirror.isBlocked()));
        }
        return all.values().stream().filter(r -> !("mirror".equals(r.kind()) && r.blocked())).toList();
    }

    private static void addDeclared(Map<String, BuildFacts.Repository> all, Map<String, ArtifactRepository> mirrorOf,
            Set<String> declared, String kind, List<Repository> repositories, String source) {
        for (Repository r : repositories) {
            declared.add(r.getId());
            ArtifactRepository mirror = mirrorOf.get(r.getId());
            put(all, new BuildFacts.Repository(kind, r.getId(), r.getUrl(), source, true,
                    mirror == null ? null : mirror.getId(), mirror != null && mirror.isBlocked()));
        }
    }

    private static void put(Map<String, BuildFacts.Repository> all, BuildFacts.Repository r) {
        all.putIfAbsent(r.kind() + " " + r.id() + " " + r.url() + " " + r.source(), r);
    }

    /** {@code .mvn/wrapper/maven-wrapper.properties} at the build's root, or null. */
    BuildFacts.Wrapper wrapper() throws IOException {
        Path root = BuildVerifier.root(session);
        Path file = root.resolve(".mvn/wrapper/maven-wrapper.properties");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return new BuildFacts.Wrapper(root.relativize(file).toString(), p.getProperty("distributionUrl"),
                p.getProperty("distributionSha256Sum"));
    }

    /**
     * The {@code .gitattributes} files that apply at the build's root: its own and those of the directories above it
     * up to the top of its git work tree (the directory holding {@code .git}), outermost first.
     */
    List<BuildFacts.TextFile> gitattributes() throws IOException {
        Path root = BuildVerifier.root(session).toAbsolutePath().normalize();
        List<Path> directories = new ArrayList<>();
        for (Path dir = root; dir != null; dir = dir.getParent()) {
            directories.add(0, dir);
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
            if (dir.getParent() == null) {
                directories = List.of(root); // not in a git work tree: only the root's own file
            }
        }
        List<BuildFacts.TextFile> files = new ArrayList<>();
        for (Path dir : directories) {
            Path file = dir.resolve(".gitattributes");
            if (Files.isRegularFile(file)) {
                files.add(new BuildFacts.TextFile(file.toString(), Files.readString(file)));
            }
        }
        return files;
    }

    /** The {@code aether.*} properties Maven Resolver reads: system properties, then user properties over them. */
    Map<String, String> resolverProperties() {
        Map<String, String> p = new TreeMap<>();
        for (Properties source : List.of(session.getSystemProperties(), session.getUserProperties())) {
            source.stringPropertyNames().stream().filter(n -> n.startsWith("aether."))
                    .forEach(n -> p.put(n, source.getProperty(n)));
        }
        return p;
    }

    /**
     * The build against its lockfile, as {@code hermetic:verify} checks it with its configured settings, without
     * failing: the outcome of a verification this build already ran, else a verification now.
     */
    BuildFacts.LockfileState lockfile(VerifySettings settings, BuildArtifactCollector collector, String mavenVersion,
            Consumer<String> debug) {
        String file = settings.lockfile().toString();
        String lockCommand;
        try {
            lockCommand = BuildVerifier.build(session).lockCommand();
        } catch (IllegalArgumentException e) {
            return new BuildFacts.LockfileState(file, Files.exists(settings.lockfile()), List.of(e.getMessage()),
                    null, dev.hermetic.lock.Lockfile.LOCK_COMMAND);
        }
        if (!Files.isRegularFile(settings.lockfile())) {
            return new BuildFacts.LockfileState(file, false, List.of(), null, lockCommand);
        }
        var data = session.getRepositorySession().getData();
        if (data.get(VerifyMojo.VERIFIED_KEY) instanceof String summary) {
            return new BuildFacts.LockfileState(file, true, List.of(), summary, lockCommand);
        }
        if (data.get(VerifyMojo.RUN_KEY) instanceof CompletableFuture<?> run && run.isDone()) {
            try {
                return new BuildFacts.LockfileState(file, true, List.of(), String.valueOf(run.get()), lockCommand);
            } catch (ExecutionException e) {
                return new BuildFacts.LockfileState(file, true, problems(e.getCause().getMessage()), null,
                        lockCommand);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            String summary = BuildVerifier.verify(collector, session, settings, mavenVersion, debug, debug);
            return new BuildFacts.LockfileState(file, true, List.of(), summary, lockCommand);
        } catch (ReactorVerification.Failure | RuntimeException e) {
            return new BuildFacts.LockfileState(file, true, problems(e.getMessage()), null, lockCommand);
        }
    }

    /** A verification failure's problems, one a line ("  - " items), or the whole message when it has none. */
    static List<String> problems(String message) {
        List<String> items = message.lines().filter(l -> l.startsWith("  - ")).map(l -> l.substring(4)).toList();
        return items.isEmpty() ? List.of(message) : items;
    }

    /**
     * The reports of earlier comparisons in the modules' {@code target/}: {@code hermetic-compare.json} and
     * {@code *.buildcompare} (ours or maven-artifact-plugin's), each checked against the files as they are now.
     */
    List<BuildFacts.Comparison> comparisons() throws IOException {
        List<ComparisonReportReader.ModuleFiles> reactor = new ArrayList<>();
        for (MavenProject p : projects) {
            reactor.add(new ComparisonReportReader.ModuleFiles(p.getArtifactId(), p.getVersion(),
                    p.getBasedir().toPath(), !"pom".equals(p.getPackaging())));
        }
        Path root = BuildVerifier.root(session);
        List<BuildFacts.Comparison> found = new ArrayList<>();
        for (MavenProject p : projects) {
            Path target = Path.of(p.getBuild().getDirectory());
            if (!Files.isDirectory(target)) {
                continue;
            }
            List<Path> reports = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(target,
                    "{hermetic-compare.json,*.buildcompare}")) {
                stream.forEach(reports::add);
            }
            reports.sort(null);
            for (Path report : reports) {
                found.add(ComparisonReportReader.read(report, root.relativize(report).toString(), reactor));
            }
        }
        return found;
    }
}
