package dev.hermetic.digest;

import dev.hermetic.io.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The digests of a set of files, in the format of coreutils' {@code sha256sum} / {@code sha512sum}: one
 * {@code <lowercase hex>  <name>} line per file (two spaces), sorted by the UTF-8 bytes of the name, LF line ends, so
 * the same files always give the same manifest and {@code sha256sum -c MANIFEST} checks it. Also writes the per-file
 * side files Maven repositories use ({@code <file>.sha256}: the hex digest alone, no name, no newline).
 *
 * <p>The only reader and writer of both formats in this project.
 */
public final class DigestManifest {

    /** Name order: by UTF-8 bytes, unsigned, so it does not depend on the locale or on Java's UTF-16 order. */
    private static final Comparator<String> BY_UTF8_BYTES = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final DigestAlgorithm algorithm;
    private final TreeMap<String, String> entries;

    private DigestManifest(DigestAlgorithm algorithm, TreeMap<String, String> entries) {
        this.algorithm = algorithm;
        this.entries = entries;
    }

    /**
     * @param entries name (a relative path with {@code /}) to hex digest
     * @throws IllegalArgumentException for a name the format cannot carry, or a digest of the wrong length
     */
    public static DigestManifest of(DigestAlgorithm algorithm, Map<String, String> entries) {
        TreeMap<String, String> sorted = new TreeMap<>(BY_UTF8_BYTES);
        entries.forEach((name, hex) -> {
            checkName(name);
            sorted.put(name, checkHex(algorithm, hex, name));
        });
        return new DigestManifest(algorithm, sorted);
    }

    /**
     * Digests each file, named by its file name.
     *
     * @throws IllegalArgumentException when two files have the same name
     */
    public static DigestManifest compute(DigestAlgorithm algorithm, Collection<Path> files) throws IOException {
        TreeMap<String, String> sorted = new TreeMap<>(BY_UTF8_BYTES);
        for (Path file : files) {
            String name = file.getFileName().toString();
            checkName(name);
            String hex = HexDigests.digest(file, algorithm);
            if (sorted.put(name, hex) != null) {
                throw new IllegalArgumentException("Two files named '" + name + "' cannot share one digest manifest:"
                        + " give them different names or write one manifest per directory");
            }
        }
        return new DigestManifest(algorithm, sorted);
    }

    public DigestAlgorithm algorithm() {
        return algorithm;
    }

    /** Name to lowercase hex digest, in manifest order. */
    public Map<String, String> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** The manifest text: {@code <hex>  <name>\n} per entry, sorted. */
    public String format() {
        StringBuilder text = new StringBuilder();
        entries.forEach((name, hex) -> text.append(hex).append("  ").append(name).append('\n'));
        return text.toString();
    }

    /** Writes {@link #format()} to {@code manifestFile} atomically, as UTF-8. */
    public void write(Path manifestFile) throws IOException {
        AtomicFile.write(manifestFile, format().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a manifest written by this class or by {@code sha256sum} / {@code sha512sum}. */
    public static DigestManifest read(Path manifestFile, DigestAlgorithm algorithm) throws IOException {
        return parse(readText(manifestFile), algorithm, manifestFile.toString());
    }

    /** The file as UTF-8 text; other bytes are refused with a message naming the file, not a bare decoder error. */
    private static String readText(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new DigestManifestException(file + " is not UTF-8 text (" + e.getMessage() + "): it is not a digest"
                    + " file written by this plugin or by sha256sum/sha512sum; restore it or compute it again");
        }
    }

    /**
     * Parses {@code <hex>  <name>} lines; also accepts coreutils' binary marker ({@code <hex> *<name>}), upper-case
     * hex, CRLF line ends, blank lines and {@code #} comments.
     *
     * @param source what the text is, for messages (usually the file name)
     * @throws DigestManifestException naming the source and line of the first malformed line
     */
    public static DigestManifest parse(String text, DigestAlgorithm algorithm, String source)
            throws DigestManifestException {
        TreeMap<String, String> sorted = new TreeMap<>(BY_UTF8_BYTES);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1);
            int space = line.indexOf(' ');
            if (space < 0 || space + 2 > line.length() || (line.charAt(space + 1) != ' ' && line.charAt(space + 1) != '*')) {
                throw new DigestManifestException(where + " is not '<hex digest>  <file name>' (" + algorithm.jcaName()
                        + " manifest, as written by " + algorithm.extension() + "sum)");
            }
            String name = line.substring(space + 2);
            String hex;
            try {
                checkName(name);
                hex = checkHex(algorithm, line.substring(0, space), name);
            } catch (IllegalArgumentException e) {
                throw new DigestManifestException(where + ": " + e.getMessage());
            }
            if (sorted.put(name, hex) != null) {
                throw new DigestManifestException(where + " lists '" + name + "' a second time");
            }
        }
        return new DigestManifest(algorithm, sorted);
    }

    /** A file whose digest is not the one in the manifest. */
    public record Mismatch(String name, String expected, String actual) {}

    /**
     * The outcome of {@link #verify(Path)}.
     *
     * @param matched names whose digest matches
     * @param mismatched files whose digest differs, with both values
     * @param missing names whose file does not exist
     */
    public record Verification(List<String> matched, List<Mismatch> mismatched, List<String> missing) {
        public boolean ok() {
            return mismatched.isEmpty() && missing.isEmpty();
        }
    }

    /** Digests every listed file under {@code directory} and compares. */
    public Verification verify(Path directory) throws IOException {
        List<String> matched = new ArrayList<>();
        List<Mismatch> mismatched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            Path file = directory.resolve(entry.getKey());
            try {
                String actual = HexDigests.digest(file, algorithm);
                if (actual.equals(entry.getValue())) {
                    matched.add(entry.getKey());
                } else {
                    mismatched.add(new Mismatch(entry.getKey(), entry.getValue(), actual));
                }
            } catch (NoSuchFileException e) {
                missing.add(entry.getKey());
            }
        }
        return new Verification(List.copyOf(matched), List.copyOf(mismatched), List.copyOf(missing));
    }

    /** The side file of {@code file} for {@code algorithm}: {@code artifact.jar.sha256}. */
    public static Path sideFile(Path file, DigestAlgorithm algorithm) {
        return file.resolveSibling(file.getFileName() + "." + algorithm.extension());
    }

    /**
     * Computes the digests of {@code file} in one read, then writes {@code <file>.sha256}, {@code <file>.sha512},
     * ... atomically ({@link #sideFileContent}).
     *
     * @return the side files written
     */
    public static List<Path> writeSideFiles(Path file, Set<DigestAlgorithm> algorithms) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<DigestAlgorithm, String> entry : new TreeMap<>(HexDigests.digest(file, algorithms)).entrySet()) {
            Path sideFile = sideFile(file, entry.getKey());
            AtomicFile.write(sideFile, sideFileContent(file.getFileName().toString(), entry.getKey(), entry.getValue()));
            written.add(sideFile);
        }
        return written;
    }

    /**
     * What a side file holds: the lowercase hex digest alone, without a name or a newline, as Maven repositories
     * hold them.
     *
     * @param fileName the digested file's name, for the message
     * @throws IllegalArgumentException when {@code hex} is not a digest of {@code algorithm}
     */
    public static byte[] sideFileContent(String fileName, DigestAlgorithm algorithm, String hex) {
        return checkHex(algorithm, hex, fileName).getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads a side file, written by this class or as {@code <hex>  <name>}; returns the lowercase hex. */
    public static String readSideFile(Path sideFile, DigestAlgorithm algorithm) throws IOException {
        String text = readText(sideFile).strip();
        int space = text.indexOf(' ');
        String hex = space < 0 ? text : text.substring(0, space);
        try {
            return checkHex(algorithm, hex, sideFile.toString());
        } catch (IllegalArgumentException e) {
            throw new DigestManifestException(sideFile + ": " + e.getMessage());
        }
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        // sha256sum escapes these with a leading backslash; refusing them keeps one simple format.
        if (name.isEmpty() || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0 || name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("File name '" + name.replace("\n", "\\n").replace("\r", "\\r")
                    + "' cannot go in a digest manifest: it is empty or holds a newline or backslash; rename the file");
        }
        if (name.startsWith("/") || name.equals("..") || name.startsWith("../") || name.contains("/../")
                || name.endsWith("/..")) {
            throw new IllegalArgumentException("File name '" + name + "' in a digest manifest must be a relative path"
                    + " inside the manifest's directory");
        }
    }

    private static String checkHex(DigestAlgorithm algorithm, String hex, String name) {
        int expectedLength = algorithm.hexLength();
        if (hex == null || hex.length() != expectedLength || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("The " + algorithm.jcaName() + " digest of '" + name + "' must be "
                    + expectedLength + " hex digits, not '" + hex + "'");
        }
        return HexFormat.of().formatHex(HexFormat.of().parseHex(hex));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DigestManifest that && algorithm == that.algorithm && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, entries);
    }

    @Override
    public String toString() {
        return "DigestManifest[" + algorithm.jcaName() + ", " + entries.size() + " files]";
    }
}
