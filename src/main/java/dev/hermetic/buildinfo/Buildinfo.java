package dev.hermetic.buildinfo;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The Reproducible Builds {@code .buildinfo} file (https://reproducible-builds.org/docs/jvm/), laid out line for line
 * as maven-artifact-plugin 3.6.1's {@code BuildInfoWriter} writes it in reproducible mode ({@code java.version} as a
 * major version, {@code os.name} as {@code Unix} or {@code Windows}), plus {@code java.vendor} and
 * {@code mvn.version}, which its non-reproducible mode records and a rebuilder needs, and the SHA-256 of
 * {@code hermetic.lock} under our own {@code hermetic.} keys. Lines end with {@code \n} whatever the platform, so the
 * same build writes the same bytes. The one reader and writer of the format.
 *
 * @param header who built what, and with what
 * @param aggregated whether the reactor had several modules: outputs are then numbered per module
 *     ({@code outputs.M.N.*}, with {@code outputs.M.coordinates}) under {@code # aggregated output}
 * @param modules every module's outputs, in reactor order
 */
public record Buildinfo(Header header, boolean aggregated, List<Module> modules) {

    /**
     * @param scmUri the POM's {@code scm/connection}, or {@code null} when it has none
     * @param scmTag the POM's {@code scm/tag}, or {@code null}
     * @param javaVersion the JDK's {@code java.version}; only its major version is written
     * @param lineSeparator the build's line separator: {@code os.name} is {@code Unix} for {@code \n}, else
     *     {@code Windows}
     * @param aggregateArtifactId the module the aggregate belongs to (the reactor's last), written only when
     *     aggregated
     * @param lockfileSha256 hex SHA-256 of {@code hermetic.lock}, or {@code null} when the project has none
     */
    public record Header(String name, String groupId, String artifactId, String version, String scmUri,
            String scmTag, String javaVersion, String javaVendor, String lineSeparator, String mavenVersion,
            String aggregateArtifactId, String lockfileSha256) {}

    /** One module: its outputs, in the order the POM, the main artifact and the attachments come. */
    public record Module(String groupId, String artifactId, List<Output> outputs) {
        public Module {
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * One file, named as a Maven repository names it ({@code lib-1.0-sources.jar}).
     *
     * @param sha512 lowercase hex SHA-512
     */
    public record Output(String groupId, String filename, long length, String sha512) {

        /** Measures {@code file}: its length and SHA-512. */
        public static Output of(String groupId, String filename, Path file) throws IOException {
            return new Output(groupId, filename, Files.size(file), HexDigests.digest(file, DigestAlgorithm.SHA_512));
        }
    }

    /** Our own key: the lockfile's SHA-256, which tools that read only {@code outputs.*} ignore. */
    public static final String LOCKFILE_KEY = "hermetic.lock.sha256";

    public Buildinfo {
        modules = List.copyOf(modules);
    }

    /** The file's text, as maven-artifact-plugin orders and spaces it. */
    public String write() {
        StringBuilder text = new StringBuilder();
        Header h = header;
        line(text, "# https://reproducible-builds.org/docs/jvm/");
        line(text, "buildinfo.version=1.0-SNAPSHOT");
        line(text, "");
        line(text, "name=" + h.name());
        line(text, "group-id=" + h.groupId());
        line(text, "artifact-id=" + h.artifactId());
        line(text, "version=" + h.version());
        line(text, "");
        line(text, "# source information");
        if (h.scmUri() != null) {
            line(text, "source.scm.uri=" + h.scmUri());
            line(text, "source.scm.tag=" + h.scmTag());
        } else {
            line(text, "# no scm configured in pom.xml");
        }
        line(text, "");
        line(text, "# build instructions");
        line(text, "build-tool=mvn");
        line(text, "");
        line(text, "# build environment information (simplified for reproducibility)");
        line(text, "java.version=" + javaMajorVersion(h.javaVersion()));
        line(text, "java.vendor=" + h.javaVendor());
        line(text, "os.name=" + ("\n".equals(h.lineSeparator()) ? "Unix" : "Windows"));
        line(text, "");
        line(text, "# Maven rebuild instructions and effective environment");
        line(text, "mvn.version=" + h.mavenVersion());
        if (aggregated) {
            line(text, "mvn.aggregate.artifact-id=" + h.aggregateArtifactId());
        }
        if (h.lockfileSha256() != null) {
            line(text, "");
            line(text, "# hermetic-maven-plugin: the resolved inputs");
            line(text, LOCKFILE_KEY + "=" + h.lockfileSha256());
        }
        line(text, "");
        line(text, "# " + (aggregated ? "aggregated " : "") + "output");
        for (int m = 0; m < modules.size(); m++) {
            Module module = modules.get(m);
            String prefix = "outputs.";
            if (aggregated) {
                prefix += m + ".";
                line(text, "");
                line(text, prefix + "coordinates=" + module.groupId() + ':' + module.artifactId());
            }
            for (int n = 0; n < module.outputs().size(); n++) {
                Output output = module.outputs().get(n);
                line(text, "");
                line(text, prefix + n + ".groupId=" + output.groupId());
                line(text, prefix + n + ".filename=" + output.filename());
                line(text, prefix + n + ".length=" + output.length());
                line(text, prefix + n + ".checksums.sha512=" + output.sha512());
            }
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append('\n');
    }

    /** {@code 17.0.9} → {@code 17}, {@code 1.8.0_202} → {@code 8}, {@code 21-ea} → {@code 21}, as maven-artifact-plugin. */
    static String javaMajorVersion(String javaVersion) {
        String version = javaVersion.startsWith("1.") ? javaVersion.substring(2) : javaVersion;
        int index = version.indexOf('.');
        if (index < 0) {
            index = version.indexOf('-');
        }
        return index < 0 ? version : version.substring(0, index);
    }

    /** A file that is not a {@code .buildinfo}, or whose outputs are incomplete: the message names the file and key. */
    public static final class BuildinfoFormatException extends IOException {
        BuildinfoFormatException(String message) {
            super(message);
        }
    }

    /**
     * The output files a {@code .buildinfo} lists (written by this plugin or by maven-artifact-plugin, single or
     * aggregated), in the order of their {@code outputs.*} numbers. Read as UTF-8, as both write it.
     *
     * @throws BuildinfoFormatException when it lists no output, or an output lacks its filename, length or sha512
     */
    public static List<Output> readOutputs(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        List<String> prefixes = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("outputs.") && key.endsWith(".filename")) {
                prefixes.add(key.substring(0, key.length() - ".filename".length()));
            }
        }
        if (prefixes.isEmpty()) {
            throw new BuildinfoFormatException(file + " is not a .buildinfo file: it has no outputs.*.filename key"
                    + " (give one written by hermetic:buildinfo or maven-artifact-plugin's buildinfo goal)");
        }
        prefixes.sort(Comparator.comparing(Buildinfo::numbers, Arrays::compare));
        List<Output> outputs = new ArrayList<>();
        for (String prefix : prefixes) {
            String length = required(file, properties, prefix + ".length");
            String sha512 = required(file, properties, prefix + ".checksums.sha512").toLowerCase(Locale.ROOT);
            if (!sha512.matches("[0-9a-f]{128}")) {
                throw new BuildinfoFormatException(file + ": " + prefix + ".checksums.sha512 is not a SHA-512 in hex"
                        + " (128 hex digits): \"" + sha512 + "\"");
            }
            long bytes;
            try {
                bytes = Long.parseLong(length);
            } catch (NumberFormatException e) {
                throw new BuildinfoFormatException(file + ": " + prefix + ".length is not a number: \"" + length + "\"");
            }
            outputs.add(new Output(properties.getProperty(prefix + ".groupId"), properties.getProperty(prefix
                    + ".filename"), bytes, sha512));
        }
        return outputs;
    }

    private static String required(Path file, Properties properties, String key) throws BuildinfoFormatException {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new BuildinfoFormatException(file + ": " + key + " is missing; every outputs.*.filename needs its"
                    + " .length and .checksums.sha512");
        }
        return value.trim();
    }

    /** {@code outputs.1.10} → {1, 10}; a part that is not a number sorts first. */
    private static int[] numbers(String prefix) {
        String[] parts = prefix.substring("outputs.".length()).split("\\.");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                numbers[i] = -1;
            }
        }
        return numbers;
    }
}
