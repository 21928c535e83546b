package dev.hermetic.attest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The commit a checkout is at and the URL of its remote, read from the {@code .git} directory without a git binary:
 * {@code HEAD}, the branch it names (a loose ref or {@code packed-refs}), and {@code config}'s
 * {@code [remote "origin"]} (else the first remote). Linked work trees ({@code .git} a {@code gitdir:} file, with
 * {@code commondir}) are followed.
 */
public final class GitSource {

    private GitSource() {}

    /**
     * The source of the checkout {@code dir} lies in, as a resolved dependency: empty when {@code dir} is in no git
     * checkout or HEAD names a branch with no commit yet.
     *
     * @throws IOException when {@code .git} is there but cannot be read
     */
    public static Optional<ResourceDescriptor> find(Path dir) throws IOException {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return read(dotGit, dotGit);
            }
            if (Files.isRegularFile(dotGit)) {
                String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
                if (!line.startsWith("gitdir:")) {
                    throw new IOException(dotGit + " is neither a git directory nor a 'gitdir:' file");
                }
                Path gitDir = d.resolve(line.substring("gitdir:".length()).strip()).normalize();
                Path commondir = gitDir.resolve("commondir");
                Path common = Files.isRegularFile(commondir)
                        ? gitDir.resolve(Files.readString(commondir, StandardCharsets.UTF_8).strip()).normalize()
                        : gitDir;
                return read(gitDir, common);
            }
        }
        return Optional.empty();
    }

    private static Optional<ResourceDescriptor> read(Path gitDir, Path common) throws IOException {
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).strip();
        Optional<String> commit = head.startsWith("ref:")
                ? resolveRef(head.substring(4).strip(), gitDir, common) : Optional.of(head);
        if (commit.isEmpty() || !isObjectId(commit.get())) {
            return Optional.empty();
        }
        return Optional.of(ResourceDescriptor.gitCommit(remoteUrl(common.resolve("config")).orElse(null),
                commit.get()));
    }

    private static Optional<String> resolveRef(String ref, Path gitDir, Path common) throws IOException {
        for (Path dir : List.of(gitDir, common)) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return Optional.of(Files.readString(loose, StandardCharsets.UTF_8).strip());
            }
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split(" ", 2);
                if (parts.length == 2 && parts[1].equals(ref)) {
                    return Optional.of(parts[0]);
                }
            }
        }
        return Optional.empty();
    }

    /** The url of remote "origin", else of the first remote with one. */
    static Optional<String> remoteUrl(Path config) throws IOException {
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        String section = "";
        String first = null;
        for (String raw : Files.readAllLines(config, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                section = line.replaceAll("\\s+", " ");
                continue;
            }
            int equals = line.indexOf('=');
            if (!section.startsWith("[remote ") || equals < 0
                    || !line.substring(0, equals).strip().equalsIgnoreCase("url")) {
                continue;
            }
            String url = line.substring(equals + 1).strip();
            if (section.equals("[remote \"origin\"]")) {
                return Optional.of(url);
            }
            if (first == null) {
                first = url;
            }
        }
        return Optional.ofNullable(first);
    }

    private static boolean isObjectId(String value) {
        return (value.length() == 40 || value.length() == 64) && value.chars().allMatch(HexFormat::isHexDigit);
    }
}
