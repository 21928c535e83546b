package dev.hermetic.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorArchiveTest {

    @TempDir
    Path dir;

    @Test
    void holdsTheRepositoryAndTheSettingsUnderTheNamesTheyHaveInDotHermetic() throws Exception {
        Path hermetic = dir.resolve("one/.hermetic");
        vendored(hermetic, List.of("org/example/lib/1.0/lib-1.0.jar", "org/example/lib/1.0/lib-1.0.pom"), 1000);

        Path archive = VendorArchive.write(hermetic.resolve("repository"), hermetic.resolve("settings.xml"));

        assertThat(archive).isEqualTo(hermetic.resolve("repository.tar.gz"));
        Map<String, String> entries = read(archive);
        assertThat(entries).containsOnlyKeys("repository/org/example/lib/1.0/lib-1.0.jar",
                "repository/org/example/lib/1.0/lib-1.0.pom", "settings.xml");
        assertThat(entries.get("repository/org/example/lib/1.0/lib-1.0.jar"))
                .isEqualTo("content of org/example/lib/1.0/lib-1.0.jar");
        // Only the archive is added: no temporary file is left beside it.
        try (var listing = Files.list(hermetic)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("repository", "settings.xml", "repository.tar.gz");
        }
    }

    @Test
    void theSameFilesGiveTheSameBytesWhateverTheirTimesPermissionsAndOrderOfCreation() throws Exception {
        List<String> paths = List.of("org/example/a/1.0/a-1.0.jar", "org/example/b/2.0/b-2.0.pom",
                "com/example/c/3.0/c-3.0.jar");
        Path one = dir.resolve("one/.hermetic");
        Path two = dir.resolve("two/.hermetic");
        vendored(one, paths, 1000);
        vendored(two, List.of(paths.get(2), paths.get(1), paths.get(0)), 2_000_000_000L);
        Files.setPosixFilePermissions(two.resolve("repository/com/example/c/3.0/c-3.0.jar"),
                PosixFilePermissions.fromString("rwx------"));

        byte[] first = Files.readAllBytes(VendorArchive.write(one.resolve("repository"), one.resolve("settings.xml")));
        byte[] second = Files.readAllBytes(VendorArchive.write(two.resolve("repository"), two.resolve("settings.xml")));

        assertThat(second).isEqualTo(first);
    }

    private static void vendored(Path hermetic, List<String> paths, long seconds) throws Exception {
        for (String p : paths) {
            Path f = hermetic.resolve("repository").resolve(p);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "content of " + p);
            Files.setLastModifiedTime(f, FileTime.fromMillis(seconds * 1000));
        }
        Files.writeString(hermetic.resolve("settings.xml"), "<settings/>");
    }

    private static Map<String, String> read(Path archive) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            List<String> names = new ArrayList<>();
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                names.add(e.getName());
                if (!e.isDirectory()) {
                    entries.put(e.getName(), new String(tar.readAllBytes()));
                }
            }
            assertThat(names).isSorted();
        }
        return entries;
    }
}
