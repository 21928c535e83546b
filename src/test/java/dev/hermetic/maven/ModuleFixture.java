package dev.hermetic.maven;

import dev.hermetic.archive.NormalizationOptions;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.project.MavenProject;

/** A module in a directory, and archives as plugins leave them, for the tests of normalization in a build. */
final class ModuleFixture {

    static final long EPOCH = 1748779200L;

    private ModuleFixture() {}

    static MavenProject project(Path dir) throws IOException {
        MavenProject project = new MavenProject();
        project.setGroupId("org.example");
        project.setArtifactId("app");
        project.setVersion("1.0");
        project.setFile(Files.writeString(dir.resolve("pom.xml"), "<project/>").toFile());
        return project;
    }

    /** A small jar as a careless plugin writes it: current time, the manifest after a file. */
    static Path zip(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("org/example/Late.java"));
            zip.write("class Late {}\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /**
     * Writes {@code bytes} over the start of {@code file}, in place (same file, no truncation), and puts its
     * modification time back: a rewrite that the file's size, modification time and file key do not show.
     */
    static void overwriteInPlace(Path file, byte[] bytes) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        if (bytes.length > size) {
            throw new IllegalArgumentException(bytes.length + " bytes would make " + file + " longer than " + size);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), 0);
        }
        Files.setLastModifiedTime(file, modified);
    }

    /**
     * The zip with every entry's DOS time, in the local headers and the central directory, set to {@code time}: the
     * same size, what a plugin that writes the same entries with its own clock leaves.
     */
    static byte[] withEntryTimes(byte[] zip, LocalDateTime time) {
        ByteBuffer bytes = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
        int endOfCentralDirectory = bytes.limit() - 22; // no archive comment: neither writer used here adds one
        requireSignature(bytes, endOfCentralDirectory, 0x06054b50);
        int entries = Short.toUnsignedInt(bytes.getShort(endOfCentralDirectory + 10));
        int header = bytes.getInt(endOfCentralDirectory + 16);
        int dosTime = time.getHour() << 11 | time.getMinute() << 5 | time.getSecond() / 2;
        int dosDate = (time.getYear() - 1980) << 9 | time.getMonthValue() << 5 | time.getDayOfMonth();
        for (int i = 0; i < entries; i++) {
            requireSignature(bytes, header, 0x02014b50);
            bytes.putShort(header + 12, (short) dosTime).putShort(header + 14, (short) dosDate);
            int local = bytes.getInt(header + 42);
            requireSignature(bytes, local, 0x04034b50);
            bytes.putShort(local + 10, (short) dosTime).putShort(local + 12, (short) dosDate);
            header += 46 + Short.toUnsignedInt(bytes.getShort(header + 28))
                    + Short.toUnsignedInt(bytes.getShort(header + 30)) + Short.toUnsignedInt(bytes.getShort(header + 32));
        }
        return bytes.array();
    }

    private static void requireSignature(ByteBuffer bytes, int offset, int signature) {
        if (bytes.getInt(offset) != signature) {
            throw new IllegalArgumentException(String.format("no zip record %08x at offset %d", signature, offset));
        }
    }

    static List<Long> entryTimes(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.stream().map(e -> e.getTimeLocal().toEpochSecond(ZoneOffset.UTC)).toList();
        }
    }

    static Artifact artifact(String type, String classifier, File file) {
        Artifact artifact = new DefaultArtifact("org.example", "app", "1.0", "compile", type, classifier,
                new DefaultArtifactHandler(type));
        artifact.setFile(file);
        return artifact;
    }

    static NormalizationLedger.Settings settings(long epochSeconds) {
        return new NormalizationLedger.Settings(NormalizationOptions.defaults(epochSeconds), Set.of());
    }
}
