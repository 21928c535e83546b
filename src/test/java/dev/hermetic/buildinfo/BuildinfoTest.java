package dev.hermetic.buildinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.buildinfo.Buildinfo.Header;
import dev.hermetic.buildinfo.Buildinfo.Module;
import dev.hermetic.buildinfo.Buildinfo.Output;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildinfoTest {

    /**
     * Written by {@code mvn package org.apache.maven.plugins:maven-artifact-plugin:3.6.1:buildinfo
     * -Dbuildinfo.reproducible=true} on a parent and two jar modules (src/it/compare-multimodule-ok without the
     * plugin, plus an {@code <scm>}), Maven 3.9.16, JDK 17: the root's aggregate copy.
     */
    private static final String MAVEN_ARTIFACT_PLUGIN = "maven-artifact-plugin-3.6.1-aggregate.buildinfo";

    @TempDir
    Path dir;

    @Test
    void readsWhatMavenArtifactPluginWrites() throws Exception {
        List<Output> outputs = Buildinfo.readOutputs(resource(MAVEN_ARTIFACT_PLUGIN));

        assertThat(outputs).extracting(Output::filename).containsExactly("compare-parent-1.0.pom", "lib-a-1.0.pom",
                "lib-a-1.0.jar", "lib-b-1.0.pom", "lib-b-1.0.jar");
        assertThat(outputs.get(2)).isEqualTo(new Output("it.hermetic", "lib-a-1.0.jar", 1892,
                "a0ba9a746226a6d6bee696f768b8918c9db51e178615c7056336691f4db43cf7e4413d599653c1a0ba0d739c714ce16183ed6dd070"
                        + "dadb942b76d32101edcd28"));
    }

    /** Our file, less the two lines maven-artifact-plugin's reproducible mode leaves out, is its file byte for byte. */
    @Test
    void writesMavenArtifactPluginsLayout() throws Exception {
        List<Output> outputs = Buildinfo.readOutputs(resource(MAVEN_ARTIFACT_PLUGIN));
        List<Module> modules = List.of(new Module("it.hermetic", "compare-parent", outputs.subList(0, 1)),
                new Module("it.hermetic", "lib-a", outputs.subList(1, 3)),
                new Module("it.hermetic", "lib-b", outputs.subList(3, 5)));
        Header header = new Header("compare-parent", "it.hermetic", "compare-parent", "1.0",
                "scm:git:https://example.org/demo.git", "v1.0", "17.0.17", "Debian", "\n", "3.9.16", "lib-b", null);

        String ours = new Buildinfo(header, true, modules).write();

        String without = ours.lines().filter(l -> !l.startsWith("java.vendor=") && !l.startsWith("mvn.version="))
                .map(l -> l + "\n").collect(Collectors.joining());
        assertThat(without).isEqualTo(Files.readString(resource(MAVEN_ARTIFACT_PLUGIN)));
    }

    @Test
    void singleModuleGoldenFile() throws Exception {
        Path pom = Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        Path jar = Files.write(dir.resolve("lib.jar"), new byte[] {1, 2, 3});
        Header header = new Header("Lib: the demo", "org.example", "lib", "1.0", null, null, "1.8.0_202",
                "Eclipse Adoptium", "\r\n", "3.8.8", "ignored when single", "ab".repeat(32));
        Buildinfo buildinfo = new Buildinfo(header, false, List.of(new Module("org.example", "lib",
                List.of(Output.of("org.example", "lib-1.0.pom", pom), Output.of("org.example", "lib-1.0.jar", jar)))));

        assertThat(buildinfo.write()).isEqualTo(golden("golden-single.buildinfo"));
        Path written = Files.writeString(dir.resolve("lib-1.0.buildinfo"), buildinfo.write());
        assertThat(Buildinfo.readOutputs(written)).isEqualTo(buildinfo.modules().get(0).outputs());
    }

    @Test
    void outputsAreReadInNumericOrder() throws Exception {
        StringBuilder text = new StringBuilder("buildinfo.version=1.0-SNAPSHOT\n");
        List<String> expected = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            String name = "m" + m + ".jar";
            expected.add(name);
            text.append("outputs.").append(m).append(".0.filename=").append(name).append('\n')
                    .append("outputs.").append(m).append(".0.length=1\n")
                    .append("outputs.").append(m).append(".0.checksums.sha512=").append("0".repeat(128)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("x.buildinfo"), text);

        assertThat(Buildinfo.readOutputs(file)).extracting(Output::filename).containsExactlyElementsOf(expected);
    }

    @Test
    void refusesWhatIsNotABuildinfo() throws Exception {
        Path pom = Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        assertThatThrownBy(() -> Buildinfo.readOutputs(pom)).isInstanceOf(Buildinfo.BuildinfoFormatException.class)
                .hasMessageContaining(pom + " is not a .buildinfo file");

        Path noChecksum = Files.writeString(dir.resolve("a.buildinfo"),
                "outputs.0.filename=a.jar\noutputs.0.length=3\n");
        assertThatThrownBy(() -> Buildinfo.readOutputs(noChecksum))
                .hasMessageContaining("outputs.0.checksums.sha512 is missing");

        Path badChecksum = Files.writeString(dir.resolve("b.buildinfo"),
                "outputs.0.filename=a.jar\noutputs.0.length=3\noutputs.0.checksums.sha512=abc\n");
        assertThatThrownBy(() -> Buildinfo.readOutputs(badChecksum))
                .hasMessageContaining("outputs.0.checksums.sha512 is not a SHA-512 in hex");
    }

    @Test
    void javaMajorVersionAsMavenArtifactPlugin() {
        assertThat(Buildinfo.javaMajorVersion("17.0.9")).isEqualTo("17");
        assertThat(Buildinfo.javaMajorVersion("1.8.0_202")).isEqualTo("8");
        assertThat(Buildinfo.javaMajorVersion("21-ea")).isEqualTo("21");
        assertThat(Buildinfo.javaMajorVersion("25")).isEqualTo("25");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(BuildinfoTest.class.getResource(name).toURI());
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = BuildinfoTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
