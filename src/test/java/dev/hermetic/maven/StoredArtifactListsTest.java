package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.BuildEnvironment;
import dev.hermetic.lock.LockedArtifact;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.StoredListCheck;
import dev.hermetic.lock.UnpinnedVersion;
import dev.hermetic.lock.UsedArtifact;
import dev.hermetic.lock.VersionSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredArtifactListsTest {

    private static final String ENV = StoredArtifactLists.environment(new Properties());

    @TempDir
    Path dir;

    private MavenProject project(String dependencyVersion) {
        Model model = new Model();
        model.setGroupId("org.example");
        model.setArtifactId("app");
        model.setVersion("1.0");
        Dependency d = new Dependency();
        d.setGroupId("org.example");
        d.setArtifactId("lib");
        d.setVersion(dependencyVersion);
        model.addDependency(d);
        MavenProject project = new MavenProject(model);
        project.setOriginalModel(model.clone());
        project.setFile(new File(dir.toFile(), "pom.xml"));
        return project;
    }

    private UsedArtifact used(String artifactId, String extension) throws IOException {
        Path file = Files.writeString(dir.resolve(artifactId + "." + extension), artifactId);
        return new UsedArtifact(new ArtifactCoordinates("org.example", artifactId, "1.0", extension, ""), file,
                extension.equals("pom") ? ArtifactRole.POM : ArtifactRole.DEPENDENCY,
                extension.equals("pom") ? "" : "test", "org.example:app");
    }

    @Test
    void roundTripsACollection() throws IOException {
        Path lock = Files.writeString(dir.resolve("hermetic.lock"), "format 1\n");
        Path file = StoredArtifactLists.file(dir.resolve("repo"), List.of(project("1.0")), lock, "3.9.16", ENV);
        BuildArtifactCollector.Collected collected = new BuildArtifactCollector.Collected(
                List.of(used("lib", "jar"), used("lib", "pom"), new UsedArtifact(new ArtifactCoordinates(
                        "org.example", "tool", "1.0", "jar", ""), Files.writeString(dir.resolve("tool.jar"), "tool"),
                        ArtifactRole.PLUGIN_DEPENDENCY, "", "org.example:app", "org.example:p")),
                List.of(new UnpinnedVersion("org.example:app", "org.example:p",
                        VersionSpec.of("3.1"), true)), 5);
        StoredArtifactLists.write(file, collected);

        BuildArtifactCollector.Collected read = StoredArtifactLists.read(file);
        assertThat(read).isNotNull();
        assertThat(read.used()).containsExactlyElementsOf(collected.used());
        assertThat(read.versionFindings()).containsExactlyElementsOf(collected.versionFindings());
    }

    @Test
    void theKeyChangesWithTheModelTheLockfileAndMaven() throws IOException {
        Path lock = Files.writeString(dir.resolve("hermetic.lock"), "format 1\n");
        Path repo = dir.resolve("repo");
        Path base = StoredArtifactLists.file(repo, List.of(project("1.0")), lock, "3.9.16", ENV);
        assertThat(StoredArtifactLists.file(repo, List.of(project("1.0")), lock, "3.9.16", ENV)).isEqualTo(base);
        assertThat(StoredArtifactLists.file(repo, List.of(project("1.1")), lock, "3.9.16", ENV)).isNotEqualTo(base);
        assertThat(StoredArtifactLists.file(repo, List.of(project("1.0")), lock, "3.9.9", ENV)).isNotEqualTo(base);
        Properties user = new Properties();
        user.setProperty("activateSomething", "true");
        assertThat(StoredArtifactLists.file(repo, List.of(project("1.0")), lock, "3.9.16",
                StoredArtifactLists.environment(user))).isNotEqualTo(base);
        Properties own = new Properties();
        own.setProperty("hermetic.verify.reuseGraphs", "false");
        assertThat(StoredArtifactLists.file(repo, List.of(project("1.0")), lock, "3.9.16",
                StoredArtifactLists.environment(own))).as("this plugin's own switches do not change the graph")
                .isEqualTo(base);
        Files.writeString(lock, "format 1\n# changed\n");
        assertThat(StoredArtifactLists.file(repo, List.of(project("1.0")), lock, "3.9.16", ENV)).isNotEqualTo(base);
    }

    private static Lockfile lockOf(String... coordinatesAndRole) {
        List<LockedArtifact> artifacts = new ArrayList<>();
        for (int i = 0; i < coordinatesAndRole.length; i += 2) {
            String[] p = coordinatesAndRole[i].split(":");
            artifacts.add(new LockedArtifact(new ArtifactCoordinates(p[0], p[1], p[3], p[2], ""), "0".repeat(64),
                    new TreeSet<>(Set.of(ArtifactRole.valueOf(coordinatesAndRole[i + 1]))), new TreeSet<>(),
                    new TreeSet<>(Set.of("org.example:app"))));
        }
        return new Lockfile(Lockfile.FORMAT_VERSION, DigestAlgorithm.SHA_256,
                new BuildEnvironment("3.9.16", "17", "x", ""), null, artifacts);
    }

    /** Where the test's "local repository" keeps a file: the directory {@link #used} writes to. */
    private Path localFile(ArtifactCoordinates c) {
        return dir.resolve(c.artifactId() + "." + c.extension());
    }

    @Test
    void aListNamingEveryLockedArtifactInItsPlaceCoversTheLockfile() throws IOException {
        BuildArtifactCollector.Collected plan = new BuildArtifactCollector.Collected(
                List.of(used("lib", "jar"), used("lib", "pom")), List.of(), 1);
        Lockfile lock = lockOf("org.example:lib:jar:1.0", "DEPENDENCY", "org.example:lib:pom:1.0", "POM",
                "org.example:provider:jar:1.0", "RUNTIME");
        assertThat(StoredListCheck.coversLockfile(plan.used(), lock, this::localFile))
                .as("artifacts only resolved while plugins ran are not part of the plan").isTrue();
    }

    @Test
    void aListThatLeavesOutALockedArtifactIsNotUsed() throws IOException {
        BuildArtifactCollector.Collected plan = new BuildArtifactCollector.Collected(List.of(used("lib", "jar")),
                List.of(), 1);
        Lockfile lock = lockOf("org.example:lib:jar:1.0", "DEPENDENCY", "org.example:lib:pom:1.0", "POM");
        assertThat(StoredListCheck.coversLockfile(plan.used(), lock, this::localFile)).isFalse();
    }

    @Test
    void aListThatPointsAnArtifactToAnotherCopyIsNotUsed() throws IOException {
        UsedArtifact jar = used("lib", "jar");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("lib.jar");
        Files.copy(jar.file(), elsewhere);
        BuildArtifactCollector.Collected plan = new BuildArtifactCollector.Collected(List.of(new UsedArtifact(
                jar.coordinates(), elsewhere, jar.role(), jar.scope(), jar.module())), List.of(), 1);
        Lockfile lock = lockOf("org.example:lib:jar:1.0", "DEPENDENCY");
        assertThat(StoredListCheck.coversLockfile(plan.used(), lock, this::localFile)).isFalse();
    }

    @Test
    void aCacheWhoseFilesAreGoneIsAMiss() throws IOException {
        Path lock = Files.writeString(dir.resolve("hermetic.lock"), "format 1\n");
        Path file = StoredArtifactLists.file(dir.resolve("repo"), List.of(project("1.0")), lock, "3.9.16", ENV);
        UsedArtifact jar = used("lib", "jar");
        StoredArtifactLists.write(file, new BuildArtifactCollector.Collected(List.of(jar), List.of(), 1));
        Files.delete(jar.file());
        assertThat(StoredArtifactLists.read(file)).isNull();
    }

    @Test
    void graphsThatDependOnRepositoryMetadataAreNotCached() throws IOException {
        Path lock = Files.writeString(dir.resolve("hermetic.lock"), "format 1\n");
        Path file = StoredArtifactLists.file(dir.resolve("repo"), List.of(project("[1.0,2.0)")), lock, "3.9.16", ENV);
        StoredArtifactLists.write(file, new BuildArtifactCollector.Collected(List.of(used("lib", "jar")),
                List.of(new UnpinnedVersion("org.example:app", "Dependency org.example:lib",
                        VersionSpec.of("[1.0,2.0)"), false)), 1));
        assertThat(file).doesNotExist();
    }

    /** The test's module, whose one dependency (org.example:lib:1.0) is test-scoped, as {@link #used} lists it. */
    private MavenProject appWithTestScopedLib() {
        MavenProject app = project("1.0");
        app.getDependencies().get(0).setScope("test");
        return app;
    }

    private static Dependency dependency(String groupId, String artifactId, String version) {
        Dependency d = new Dependency();
        d.setGroupId(groupId);
        d.setArtifactId(artifactId);
        d.setVersion(version);
        return d;
    }

    private static StoredListCheck.Declarations declared(MavenProject project) {
        return StoredArtifactLists.declarations(List.of(project), null, new Properties(), new Properties());
    }

    @Test
    void aListHoldingWhatTheModelDeclaresIsUsed() throws IOException {
        MavenProject app = appWithTestScopedLib();
        BuildArtifactCollector.Collected plan = new BuildArtifactCollector.Collected(
                List.of(used("lib", "jar"), used("lib", "pom")), List.of(), 1);
        assertThat(StoredListCheck.missingDeclaration(plan.used(), declared(app))).isNull();
    }

    @Test
    void aListThatLeavesOutADeclaredDependencyIsNotUsed() throws IOException {
        MavenProject app = appWithTestScopedLib();
        app.getModel().addDependency(dependency("org.example", "new", "2.0"));
        BuildArtifactCollector.Collected plan = new BuildArtifactCollector.Collected(
                List.of(used("lib", "jar"), used("lib", "pom")), List.of(), 1);
        assertThat(StoredListCheck.missingDeclaration(plan.used(), declared(app)))
                .isEqualTo("org.example:new:jar:2.0 DEPENDENCY compile org.example:app");
    }

    @Test
    void aListWithADeclaredDependencyInAnotherScopeIsNotUsed() throws IOException {
        MavenProject app = project("1.0"); // declared without a scope: compile; the list says test
        BuildArtifactCollector.Collected plan = new BuildArtifactCollector.Collected(
                List.of(used("lib", "jar"), used("lib", "pom")), List.of(), 1);
        assertThat(StoredListCheck.missingDeclaration(plan.used(), declared(app)))
                .isEqualTo("org.example:lib:jar:1.0 DEPENDENCY compile org.example:app");
    }

    @Test
    void aListThatLeavesOutAPluginItsDependencyAParentOrAnExtensionIsNotUsed() throws IOException {
        MavenProject app = appWithTestScopedLib();
        org.apache.maven.model.Build build = new org.apache.maven.model.Build();
        org.apache.maven.model.Plugin plugin = new org.apache.maven.model.Plugin();
        plugin.setGroupId("org.example.plugins");
        plugin.setArtifactId("p");
        plugin.setVersion("3.0");
        plugin.addDependency(dependency("org.example", "helper", "1.5"));
        build.addPlugin(plugin);
        org.apache.maven.model.Extension extension = new org.apache.maven.model.Extension();
        extension.setGroupId("org.example");
        extension.setArtifactId("wagon");
        extension.setVersion("1.1");
        build.addExtension(extension);
        app.getModel().setBuild(build);
        org.apache.maven.model.Parent parent = new org.apache.maven.model.Parent();
        parent.setGroupId("org.example");
        parent.setArtifactId("parent");
        parent.setVersion("7");
        app.getModel().setParent(parent);

        List<UsedArtifact> all = new ArrayList<>(List.of(used("lib", "jar"), used("lib", "pom"),
                new UsedArtifact(new ArtifactCoordinates("org.example.plugins", "p", "3.0", "jar", ""), dir,
                        ArtifactRole.PLUGIN, "", "org.example:app"),
                new UsedArtifact(new ArtifactCoordinates("org.example", "helper", "1.5", "jar", ""), dir,
                        ArtifactRole.PLUGIN_DEPENDENCY, "", "org.example:app"),
                new UsedArtifact(new ArtifactCoordinates("org.example", "wagon", "1.1", "jar", ""), dir,
                        ArtifactRole.EXTENSION, "", "org.example:app"),
                new UsedArtifact(new ArtifactCoordinates("org.example", "parent", "7", "pom", ""), dir,
                        ArtifactRole.PARENT, "", "org.example:app")));
        assertThat(StoredListCheck.missingDeclaration(all, declared(app))).isNull();
        for (int i = 2; i < all.size(); i++) {
            List<UsedArtifact> without = new ArrayList<>(all);
            UsedArtifact left = without.remove(i);
            assertThat(StoredListCheck.missingDeclaration(without, declared(app))).as("without %s", left.coordinates())
                    .startsWith(left.coordinates().toString());
        }
    }

    @Test
    void aListWithATransitiveDependencyAtAnotherVersionThanManagedIsNotUsed() throws IOException {
        MavenProject app = appWithTestScopedLib();
        Dependency managed = dependency("org.example", "transitive", "2.0");
        org.apache.maven.model.DependencyManagement dm = new org.apache.maven.model.DependencyManagement();
        dm.addDependency(managed);
        app.getModel().setDependencyManagement(dm);
        UsedArtifact transitive = new UsedArtifact(new ArtifactCoordinates("org.example", "transitive", "1.0", "jar",
                ""), dir, ArtifactRole.DEPENDENCY, "test", "org.example:app");
        BuildArtifactCollector.Collected plan = new BuildArtifactCollector.Collected(
                List.of(used("lib", "jar"), used("lib", "pom"), transitive), List.of(), 1);
        assertThat(StoredListCheck.missingDeclaration(plan.used(), declared(app)))
                .isEqualTo("org.example:transitive:jar:1.0 in module org.example:app, managed to version 2.0");
        managed.setVersion("1.0");
        assertThat(StoredListCheck.missingDeclaration(plan.used(), declared(app))).isNull();
    }
}
