package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.archive.GoldenCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Main class of a child JVM ({@code DIR MODE...}, see {@link ZlibNgNormalizeTest}): for each mode ({@code portable},
 * {@code fast}) writes the golden corpus into DIR/MODE, compressed by the zlib this JVM loaded, prints that zlib's file
 * as {@code zlib: PATH} (from /proc/self/maps), then normalizes each DIR/MODE with the command line in that mode.
 */
final class GoldenCorpusChild {

    private GoldenCorpusChild() {}

    /** Runs this class with {@code java} on {@code dir} and {@code modes}, and asserts that it succeeded; what it printed. */
    static String run(Path java, List<String> jvmOptions, Map<String, String> environment, Path dir, String... modes)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dhermetic.realJars=" + System.getProperty("hermetic.realJars"));
        List<String> args = new ArrayList<>(List.of(dir.toString()));
        args.addAll(List.of(modes));
        ChildJvm.Result child = ChildJvm.run(GoldenCorpusChild.class, java, options, environment,
                dir.resolveSibling(dir.getFileName() + ".log"), args.toArray(String[]::new));
        assertThat(child.status()).as(child.output()).isZero();
        return child.output();
    }

    /** The corpus as the child left it, normalized in {@code mode} ("portable" or "fast"). */
    static List<Path> normalized(Path dir, String mode) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(mode))) {
            return files.toList();
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> modes = List.of(args).subList(1, args.length);
        List<Path> corpus = GoldenCorpus.write(dir.resolve(modes.get(0)));
        for (String mode : modes.subList(1, modes.size())) {
            Path copies = Files.createDirectories(dir.resolve(mode));
            for (Path archive : corpus) {
                Files.copy(archive, copies.resolve(archive.getFileName()));
            }
        }
        // Lines of the maps file (Linux only) end in the mapped file's path, the only field with a '/'.
        Path maps = Path.of("/proc/self/maps");
        (Files.exists(maps) ? Files.readAllLines(maps) : List.<String>of()).stream()
                .filter(line -> line.contains("libz.so"))
                .map(line -> "zlib: " + line.substring(line.indexOf('/')))
                .distinct()
                .forEach(System.out::println);
        int status = 0;
        for (String mode : modes) {
            status = Math.max(status, Main.run(normalize(mode, normalized(dir, mode)), System.out, System.err));
        }
        System.exit(status);
    }

    private static List<String> normalize(String mode, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("normalize", "--mode", mode, "--timestamp", String.valueOf(GoldenCorpus.EPOCH)));
        files.forEach(file -> args.add(file.toString()));
        return args;
    }
}
