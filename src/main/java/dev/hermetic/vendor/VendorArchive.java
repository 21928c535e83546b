package dev.hermetic.vendor;

import dev.hermetic.archive.ArchiveNormalizer;
import dev.hermetic.archive.BuildTimestamp;
import dev.hermetic.archive.NormalizationOptions;
import dev.hermetic.io.AtomicFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Packs a vendored repository for a machine without network: one {@code .tar.gz} holding the repository's files
 * under its directory's name, and the settings file beside it, so that unpacking it into the project's
 * {@code .hermetic/} gives what {@code hermetic:vendor} wrote. The same files give the same bytes: the archive is
 * rewritten by {@link ArchiveNormalizer} (sorted entries, one timestamp, no owners, this project's own deflate).
 */
public final class VendorArchive {

    private VendorArchive() {}

    /** Where the archive of {@code repository} goes: beside it, {@code <name>.tar.gz}. */
    public static Path of(Path repository) {
        Path absolute = repository.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".tar.gz");
    }

    /**
     * Writes the archive of {@code repository} and {@code settings} to {@link #of}(repository), all at once.
     *
     * @return the archive
     */
    public static Path write(Path repository, Path settings) throws IOException {
        Path directory = repository.toAbsolutePath().normalize();
        Path archive = of(directory);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        String prefix = directory.getFileName() + "/";
        AtomicFile.write(archive, temporary -> {
            // Fast compression here: the normalizer deflates again with its own encoder.
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary), 256 * 1024);
                    GZIPOutputStream gzip = new GZIPOutputStream(file, 64 * 1024) {
                        {
                            def.setLevel(Deflater.BEST_SPEED);
                        }
                    };
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (Path f : files) {
                    add(tar, f, prefix + directory.relativize(f).toString().replace(f.getFileSystem().getSeparator(),
                            "/"));
                }
                if (Files.isRegularFile(settings)) {
                    add(tar, settings, settings.getFileName().toString());
                }
            }
            new ArchiveNormalizer(NormalizationOptions.defaults(BuildTimestamp.DEFAULT_EPOCH_SECONDS))
                    .normalize(temporary);
        });
        return archive;
    }

    private static void add(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(file));
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
    }
}
