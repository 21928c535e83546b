package dev.hermetic.attest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalParametersTest {

    private static final Path ROOT = Path.of("/builds/demo");

    @Test
    void pathsUnderTheRootAreWrittenFromTheRootAndOtherPathsByNameOnly() {
        ExternalParameters parameters = ExternalParameters.of(List.of("deploy"), List.of(), Map.of(
                "maven.repo.local", "/home/me/.m2/repository",
                "it.certs", "/builds/demo/keys/public.asc",
                "it.root", "/builds/demo",
                "it.url", "file:///builds/demo/target/repo",
                "it.elsewhere", "file:///srv/repo",
                "windows.path", "C:\\Users\\me\\repo",
                "skipTests", "true",
                "my.password", "/builds/demo/secret"), null, ROOT);

        assertThat(parameters.userProperties()).containsExactly(
                Map.entry("it.certs", "${session.rootDirectory}/keys/public.asc"),
                Map.entry("it.root", "${session.rootDirectory}"),
                Map.entry("it.url", "${session.rootDirectory}/target/repo"),
                Map.entry("skipTests", "true"));
        assertThat(parameters.machinePathProperties())
                .containsExactly("it.elsewhere", "maven.repo.local", "windows.path");
        assertThat(parameters.withheldProperties()).containsExactly("my.password");
        assertThat(new String(CanonicalJsonOf.external(parameters))).contains(
                "\"machinePathProperties\":[\"it.elsewhere\",\"maven.repo.local\",\"windows.path\"]")
                .doesNotContain("/home/me").doesNotContain("/builds/demo");
    }

    @Test
    void theSamePropertiesUnderAnotherRootGiveTheSameParameters() {
        Map<String, String> first = Map.of("it.certs", "/a/x/keys", "maven.repo.local", "/a/repo");
        Map<String, String> second = Map.of("it.certs", "/b/y/keys", "maven.repo.local", "/b/repo");
        assertThat(ExternalParameters.of(List.of(), List.of(), first, null, Path.of("/a/x")))
                .isEqualTo(ExternalParameters.of(List.of(), List.of(), second, null, Path.of("/b/y")));
    }

    @Test
    void relativePathsAndOtherValuesAreKept() {
        assertThat(ExternalParameters.isAbsolutePath("target/repo")).isFalse();
        assertThat(ExternalParameters.isAbsolutePath("https://example.com/x")).isFalse();
        assertThat(ExternalParameters.isAbsolutePath("/x")).isTrue();
        assertThat(ExternalParameters.isAbsolutePath("D:/x")).isTrue();
        assertThat(ExternalParameters.isAbsolutePath("\\\\server\\share")).isTrue();
    }

    /** The JSON of the parameters alone. */
    private static final class CanonicalJsonOf {
        static byte[] external(ExternalParameters parameters) {
            return dev.hermetic.io.CanonicalJson.write(parameters.toJson());
        }
    }
}
