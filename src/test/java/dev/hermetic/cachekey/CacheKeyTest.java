package dev.hermetic.cachekey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.lock.BuildEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key's inputs: what must change it, and what must not. */
class CacheKeyTest {

    @TempDir
    Path dir;

    static final BuildEnvironment ENV = new BuildEnvironment("3.9.16", "17.0.13", "Debian", "");

    /** A small build: POM, Java source, a binary resource holding CR LF bytes, .mvn/maven.config, a lockfile. */
    static Path project(Path root) throws IOException {
        write(root, "pom.xml", "<project>\n  <modelVersion>4.0.0</modelVersion>\n</project>\n");
        write(root, "src/main/java/App.java", "class App {\n  // hello\n}\n");
        Files.createDirectories(root.resolve("src/main/resources"));
        byte[] binary = {0, 1, 2, '\r', '\n', 3, '\r', '\n'};
        Files.write(root.resolve("src/main/resources/data.bin"), binary);
        write(root, ".mvn/maven.config", "-Dfrom.config=1\n");
        write(root, "hermetic.lock", "# lockfile\norg.example:lib:jar:1.0 abc\n");
        return root;
    }

    static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static CacheKey.Result key(Path root) throws CacheKeyException {
        return key(root, ENV, CommandProperties.NONE);
    }

    static CacheKey.Result key(Path root, BuildEnvironment env, CommandProperties command) throws CacheKeyException {
        return CacheKey.compute(new CacheKey.Inputs(root, null, env, command));
    }

    static void git(Path where, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                "-c", "init.defaultBranch=main", "-c", "core.autocrlf=false"));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", List.of(args), output).isZero();
    }

    static Path gitProject(Path root) throws Exception {
        project(root);
        git(root, "init", "-q");
        git(root, "add", "-A");
        git(root, "commit", "-q", "-m", "one");
        return root;
    }

    /** Names of the components whose hash differs between two results. */
    static List<String> changed(CacheKey.Result a, CacheKey.Result b) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < a.components().size(); i++) {
            if (!a.components().get(i).hex().equals(b.components().get(i).hex())) {
                names.add(a.components().get(i).name());
            }
        }
        return names;
    }

    /** The sources component as docs/cache-key.md defines it, for LF text files (content as given). */
    static String documentedFileList(Map<String, String> files) {
        StringBuilder manifest = new StringBuilder();
        files.keySet().stream().sorted(CommandProperties.BYTE_ORDER).forEach(path -> manifest.append("F ")
                .append(CacheKey.sha256(files.get(path))).append(' ')
                .append(path.getBytes(StandardCharsets.UTF_8).length).append(':').append(path).append('\n'));
        return CacheKey.sha256(manifest.toString());
    }

    @Test
    void theKeyIsTheDocumentedEncoding() throws Exception {
        write(dir, "pom.xml", "<project/>\n");
        write(dir, "src/Ä.java", "class A {}\r\n");
        write(dir, "src/B.java", "class B {}\n");
        CacheKey.Result result = key(dir, ENV, CommandProperties.of(Map.of("x", "1"), List.of("p"), List.of()));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("sources", documentedFileList(Map.of("pom.xml", "<project/>\n", "src/Ä.java", "class A {}\n",
                "src/B.java", "class B {}\n")));
        expected.put("lockfile", CacheKey.sha256("absent\n"));
        expected.put("maven", CacheKey.sha256("6:3.9.16\n"));
        expected.put("jdk", CacheKey.sha256("7:17.0.13\n6:Debian\n"));
        expected.put("wrapper", CacheKey.sha256("0:\n"));
        expected.put("mvn-config", CacheKey.sha256(""));
        expected.put("command", CacheKey.sha256("D 1:x " + CacheKey.sha256("1") + "\nP+ 1:p\n"));
        StringBuilder all = new StringBuilder("hermetic-cache-key 1\n");
        expected.forEach((name, hex) -> all.append(name).append(' ').append(hex).append('\n'));
        assertThat(result.components()).extracting(CacheKey.Component::hex).containsExactlyElementsOf(expected.values());
        assertThat(result.key()).isEqualTo("sha256:" + CacheKey.sha256(all.toString()));
    }

    @Test
    void aLargeTreeHashedBySeveralThreadsGivesTheDocumentedKey() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", "<project/>\n");
        for (int i = 0; i < CacheKey.PARALLEL_FROM; i++) {
            files.put("src/f" + i + ".txt", "line " + i + "\n");
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            write(dir, f.getKey(), f.getValue());
        }
        assertThat(key(dir).components().get(0).hex()).isEqualTo(documentedFileList(files));
    }

    @Test
    void keyHasTheDocumentedFormAndComponents() throws Exception {
        CacheKey.Result result = key(project(dir));
        assertThat(result.key()).matches("sha256:[0-9a-f]{64}");
        assertThat(result.components()).extracting(CacheKey.Component::name)
                .containsExactly("sources", "lockfile", "maven", "jdk", "wrapper", "mvn-config", "command");
        assertThat(result.detailLines()).anyMatch(l -> l.contains("sources") && l.contains("3 files"))
                .anyMatch(l -> l.contains("mvn-config") && l.contains("1 files under .mvn/"))
                .anyMatch(l -> l.contains("jdk") && l.contains("17.0.13 (Debian)"));
        assertThat(key(dir)).isEqualTo(result);
    }

    @Test
    void sameKeyAtAnotherPathWithOtherPermissionsAndTimes() throws Exception {
        CacheKey.Result first = key(project(dir.resolve("a")));
        Path other = project(dir.resolve("somewhere/else/entirely"));
        try (Stream<Path> files = Files.walk(other)) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
                Files.setLastModifiedTime(f, FileTime.fromMillis(0));
            }
        }
        assertThat(key(other)).isEqualTo(first);
    }

    @Test
    void crlfTextFilesGiveTheSameKeyButBinaryFilesCountByteForByte() throws Exception {
        CacheKey.Result lf = key(project(dir.resolve("lf")));
        Path crlf = project(dir.resolve("crlf"));
        for (String text : List.of("pom.xml", "src/main/java/App.java", ".mvn/maven.config", "hermetic.lock")) {
            Path f = crlf.resolve(text);
            Files.writeString(f, Files.readString(f).replace("\n", "\r\n"));
        }
        assertThat(key(crlf)).isEqualTo(lf);

        Path bin = crlf.resolve("src/main/resources/data.bin");
        Files.write(bin, new byte[] {0, 1, 2, '\n', 3, '\n'});
        assertThat(changed(lf, key(crlf))).containsExactly("sources");
    }

    @Test
    void gitCheckoutsWithLfAndCrlfGiveTheSameKey() throws Exception {
        Path origin = gitProject(dir.resolve("origin"));
        Path lf = dir.resolve("clones/lf");
        Path crlf = dir.resolve("other/clones/crlf");
        Files.createDirectories(lf.getParent());
        Files.createDirectories(crlf.getParent());
        git(dir, "clone", "-q", origin.toString(), lf.toString());
        git(dir, "-c", "core.autocrlf=true", "clone", "-q", "--config", "core.autocrlf=true", origin.toString(),
                crlf.toString());
        assertThat(Files.readString(crlf.resolve("src/main/java/App.java"))).contains("\r\n");
        assertThat(key(crlf)).isEqualTo(key(lf)).isEqualTo(key(origin));
        assertThat(key(lf).detailLines().get(0)).contains("3 files tracked by git");
    }

    @Test
    void inGitOnlyTrackedFilesCount() throws Exception {
        Path root = gitProject(dir);
        CacheKey.Result before = key(root);
        write(root, "target/classes/App.class", "compiled");
        write(root, "untracked-output.log", "log");
        write(root, ".idea/workspace.xml", "<x/>");
        write(root, ".mvn/wrapper/maven-wrapper.jar", "downloaded");
        assertThat(key(root)).isEqualTo(before);

        write(root, "src/main/java/App.java", "class App {}\n"); // tracked: counts before it is committed
        assertThat(changed(before, key(root))).containsExactly("sources");
    }

    @Test
    void outsideGitTargetAndIdeFilesDoNotCount() throws Exception {
        Path root = project(dir);
        CacheKey.Result before = key(root);
        write(root, "target/hermetic-cache-key.txt", "sha256:0");
        write(root, "module/target/x.jar", "jar");
        write(root, "module/pom.xml", "<project/>\n");
        Files.delete(root.resolve("module/pom.xml"));
        write(root, ".idea/misc.xml", "<x/>");
        write(root, "app.iml", "<x/>");
        write(root, ".git-but-not/ok", "");
        Files.delete(root.resolve(".git-but-not/ok"));
        write(root, ".mvn/wrapper/maven-wrapper.jar", "downloaded");
        write(root, ".mvn/.develocity/develocity-workspace-id", "random");
        // module/target is not beside a pom.xml: it counts, as would any source directory named target
        assertThat(changed(before, key(root))).containsExactly("sources");
        Files.delete(root.resolve("module/target/x.jar"));
        assertThat(key(root)).isEqualTo(before);
    }

    @Test
    void eachInputChangesItsOwnComponent() throws Exception {
        Path root = project(dir);
        CacheKey.Result base = key(root);
        Map<String, CacheKey.Result> variants = new LinkedHashMap<>();
        variants.put("maven", key(root, new BuildEnvironment("3.9.15", "17.0.13", "Debian", ""),
                CommandProperties.NONE));
        variants.put("jdk", key(root, new BuildEnvironment("3.9.16", "25.0.1", "Debian", ""),
                CommandProperties.NONE));
        variants.put("jdk ", key(root, new BuildEnvironment("3.9.16", "17.0.13", "Eclipse Adoptium", ""),
                CommandProperties.NONE));
        variants.put("wrapper", key(root, new BuildEnvironment("3.9.16", "17.0.13", "Debian", "ab12"),
                CommandProperties.NONE));
        variants.put("command", key(root, ENV, CommandProperties.of(Map.of("skipTests", "true"), List.of(),
                List.of())));
        variants.put("command ", key(root, ENV, CommandProperties.of(Map.of(), List.of("release"), List.of())));
        variants.put("command  ", key(root, ENV, CommandProperties.of(Map.of(), List.of(), List.of("release"))));
        for (Map.Entry<String, CacheKey.Result> v : variants.entrySet()) {
            assertThat(v.getValue().key()).as(v.getKey()).isNotEqualTo(base.key());
            assertThat(changed(base, v.getValue())).as(v.getKey()).containsExactly(v.getKey().strip());
        }

        write(root, "hermetic.lock", "# lockfile\norg.example:lib:jar:1.1 abd\n");
        CacheKey.Result lock = key(root);
        assertThat(changed(base, lock)).containsExactly("lockfile");
        write(root, ".mvn/maven.config", "-Dfrom.config=2\n");
        assertThat(changed(lock, key(root))).containsExactly("mvn-config");
        CacheKey.Result config = key(root);
        Files.delete(root.resolve("hermetic.lock"));
        assertThat(changed(config, key(root))).containsExactly("lockfile");
        assertThat(key(root).detailLines()).anyMatch(l -> l.contains("none (hermetic.lock does not exist)"));
    }

    @Test
    void propertiesThatCannotChangeOutputsDoNotCount() throws Exception {
        Path root = project(dir);
        CacheKey.Result base = key(root);
        CommandProperties ignored = CommandProperties.of(Map.of("maven.repo.local", "/home/ci/.m2/repository",
                "detail", "true", "hermetic.cacheKey.detail", "true", "style.color", "always",
                "org.slf4j.simpleLogger.showDateTime", "true"), List.of(), List.of());
        assertThat(key(root, ENV, ignored)).isEqualTo(base);
    }

    @Test
    void propertiesAndProfilesFromMavenConfigAreLeftToItsComponent() throws Exception {
        Path root = project(dir);
        write(root, ".mvn/maven.config", "-Dfrom.config=1\n-P release,!slow\n-Dother=a b\n");
        CacheKey.Result base = key(root);
        CommandProperties merged = CommandProperties.of(Map.of("from.config", "1", "other", "a b"),
                List.of("release"), List.of("slow")).withoutMavenConfig(root);
        assertThat(merged.defines()).isEmpty();
        assertThat(merged.activeProfiles()).isEmpty();
        assertThat(merged.inactiveProfiles()).isEmpty();
        assertThat(key(root, ENV, merged)).isEqualTo(base);
        // The command line overrides maven.config: another value counts.
        CommandProperties overridden = CommandProperties.of(Map.of("from.config", "2"), List.of(), List.of())
                .withoutMavenConfig(root);
        assertThat(changed(base, key(root, ENV, overridden))).containsExactly("command");
    }

    @Test
    void secretValuesCountButAreNeverShown() throws Exception {
        Path root = project(dir);
        CacheKey.Result one = key(root, ENV, CommandProperties.of(Map.of("deploy.API_TOKEN", "s3cr3t-one",
                "gpg.passphrase", "pass-one", "shown", "visible"), List.of(), List.of()));
        CacheKey.Result two = key(root, ENV, CommandProperties.of(Map.of("deploy.API_TOKEN", "s3cr3t-two",
                "gpg.passphrase", "pass-one", "shown", "visible"), List.of(), List.of()));
        assertThat(one.key()).isNotEqualTo(two.key());
        String detail = String.join("\n", one.detailLines()) + one.key();
        assertThat(detail).doesNotContain("s3cr3t").doesNotContain("pass-one")
                .contains("-Ddeploy.API_TOKEN=(hidden)", "-Dgpg.passphrase=(hidden)", "-Dshown=visible");
        assertThat(CommandProperties.of(Map.of("deploy.API_TOKEN", "s3cr3t-one"), List.of(), List.of()).canonical())
                .doesNotContain("s3cr3t");
        assertThat(Set.of("db.password", "signing.key", "my.Secret")).allMatch(CommandProperties::isSecret);
    }

    @Test
    void indexFormatFourAndLinkedWorkTreesListTheSameFiles() throws Exception {
        Path root = gitProject(dir.resolve("repo"));
        CacheKey.Result v2 = key(root);
        git(root, "update-index", "--index-version", "4");
        assertThat(key(root)).isEqualTo(v2);
        git(root, "worktree", "add", "-q", dir.resolve("linked").toString());
        assertThat(key(dir.resolve("linked"))).isEqualTo(v2);
    }

    @Test
    void theIndexListsWhatGitLsFilesLists() throws Exception {
        Path root = gitProject(dir);
        write(root, "sub/dir/ünïcödé name.txt", "x\n");
        write(root, "sub/pom.xml", "<project/>\n");
        git(root, "add", "-A");
        git(root, "rm", "-q", "--cached", "src/main/resources/data.bin");
        Process p = new ProcessBuilder("git", "ls-files", "-z").directory(root.resolve("sub").toFile()).start();
        String listed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        List<String> fromGit = List.of(listed.split("\0"));
        assertThat(SourceFiles.list(root.resolve("sub")).files()).extracting(SourceFiles.Listed::path)
                .containsExactlyElementsOf(fromGit);
    }

    @Test
    void deletedTrackedFilesAndSymlinksCount() throws Exception {
        Path root = gitProject(dir);
        CacheKey.Result base = key(root);
        Files.delete(root.resolve("src/main/resources/data.bin"));
        CacheKey.Result deleted = key(root);
        assertThat(changed(base, deleted)).containsExactly("sources");
        Files.createSymbolicLink(root.resolve("src/main/resources/data.bin"), Path.of("elsewhere"));
        assertThat(key(root).key()).isNotEqualTo(deleted.key()).isNotEqualTo(base.key());
    }

    @Test
    void aDirectoryWithoutPomIsRefusedWithTheFix() {
        assertThatThrownBy(() -> key(dir)).isInstanceOf(CacheKeyException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("holds no pom.xml");
    }
}
