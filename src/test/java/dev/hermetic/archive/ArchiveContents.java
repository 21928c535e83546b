package dev.hermetic.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.Manifest;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The content of a zip as a reader sees it, read with commons-compress (not our reader), nested archives
 * expanded as "outer!/inner" names. Metadata files are reduced to what they mean, so that "content
 * preserved" can be asserted: manifests as their attributes minus the removed ones, properties as their
 * key/value pairs.
 */
final class ArchiveContents {

    private ArchiveContents() {}

    static Map<String, String> of(Path zip) throws IOException {
        return of(Files.readAllBytes(zip));
    }

    static Map<String, String> of(byte[] zip) throws IOException {
        Map<String, String> result = new TreeMap<>();
        collect(zip, "", result);
        return result;
    }

    /** Entry names in stored order, read with commons-compress. */
    static List<String> names(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (Enumeration<ZipArchiveEntry> e = z.getEntriesInPhysicalOrder(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
        }
        return names;
    }

    private static void collect(byte[] zip, String prefix, Map<String, String> result) throws IOException {
        try (ZipFile z = ZipFile.builder().setByteArray(zip).get()) {
            boolean signed = Collections.list(z.getEntries()).stream()
                    .anyMatch(e -> ZipCentralDirectory.isSignatureFile(e.getName()));
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                byte[] content;
                try (InputStream in = z.getInputStream(e)) {
                    content = in.readAllBytes();
                }
                String name = prefix + e.getName();
                if (!signed && e.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    Manifest m = new Manifest(new ByteArrayInputStream(content));
                    for (String removed : NormalizationOptions.DEFAULT_MANIFEST_ATTRIBUTES_TO_REMOVE) {
                        m.getMainAttributes().remove(new java.util.jar.Attributes.Name(removed));
                    }
                    result.put(name, "manifest " + new TreeMap<>(m.getMainAttributes().entrySet().stream()
                            .collect(java.util.stream.Collectors.toMap(x -> x.getKey().toString(), x -> x.getValue().toString())))
                            + " sections " + new TreeMap<>(m.getEntries()));
                } else if (!signed && e.getName().endsWith(".properties")) {
                    Properties p = new Properties();
                    p.load(new ByteArrayInputStream(content));
                    result.put(name, "properties " + new TreeMap<>(p));
                } else if (!signed && ZipNormalizer.startsLikeZip(content, content.length)) {
                    result.put(name, "archive");
                    collect(content, name + "!/", result);
                } else {
                    result.put(name, e.isDirectory() ? "directory" : "sha256:" + dev.hermetic.digest.HexDigests.digest(
                            content, dev.hermetic.digest.DigestAlgorithm.SHA_256));
                }
            }
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
