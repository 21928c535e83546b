package dev.hermetic.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aRepositoryInsideTheProjectIsReachedFromWhereMavenStarts() throws Exception {
        Path root = dir.resolve("project");
        Path settings = root.resolve(".hermetic/settings.xml");

        String command = MirrorSettings.write(settings, root.resolve(".hermetic/repository"), root);

        String xml = Files.readString(settings);
        assertThat(xml).contains("<mirrorOf>*</mirrorOf>", "<id>hermetic-vendor</id>",
                "<url>file://${user.dir}/.hermetic/repository</url>");
        assertThat(xml).doesNotContain(dir.toString());
        // A SNAPSHOT the lockfile holds (a plugin built locally) is found through Maven Central's mirror too.
        assertThat(xml).contains("<id>central</id>", "<snapshots><enabled>true</enabled></snapshots>",
                "<activeProfile>hermetic-vendor</activeProfile>");
        assertThat(command).isEqualTo(
                "mvn -s .hermetic/settings.xml -Dmaven.repo.local=.hermetic/local-repository verify");
    }

    @Test
    void aRepositoryOutsideTheProjectIsReachedByItsAbsolutePath() throws Exception {
        Path root = dir.resolve("project");
        Path elsewhere = dir.resolve("shared/repository");

        String xml = MirrorSettings.render(MirrorSettings.url(elsewhere, root), "mvn verify");

        assertThat(xml).contains("<url>" + elsewhere.toUri() + "</url>");
        assertThat(MirrorSettings.command(elsewhere.resolveSibling("settings.xml"), root))
                .isEqualTo("mvn -s " + dir.resolve("shared/settings.xml") + " -Dmaven.repo.local="
                        + dir.resolve("shared/local-repository") + " verify");
    }
}
