package dev.hermetic.cachekey;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which files of a build's root count, as paths relative to the root with '/' separators. In a git checkout: the
 * tracked files under the root ({@link GitIndex}). Elsewhere (a source release, a CI copy without .git): every file
 * under the root except each module's {@code target/} (a {@code target} directory beside a {@code pom.xml}),
 * VCS and IDE files ({@link #IGNORED_NAMES}, {@code *.iml}, {@code *.ipr}, {@code *.iws}), the Maven Wrapper's jars
 * ({@code .mvn/wrapper/*.jar}, which the wrapper downloads) and hidden entries in {@code .mvn/}.
 */
final class SourceFiles {

    /** A listed path, and the index entry it comes from (null outside git). */
    record Listed(String path, GitIndex.Entry entry) {}

    static final Set<String> IGNORED_NAMES = Set.of(".git", ".hg", ".svn", ".idea", ".vscode", ".settings",
            ".classpath", ".project", ".factorypath", ".DS_Store");

    /** Where the list came from, for the detail output. */
    enum Origin {
        GIT_INDEX("tracked by git"),
        DIRECTORY_WALK("every file outside target/ (no git checkout)");

        final String description;

        Origin(String description) {
            this.description = description;
        }
    }

    record Listing(Origin origin, List<Listed> files) {}

    private SourceFiles() {}

    static Listing list(Path root) throws CacheKeyException {
        Optional<GitIndex.Checkout> checkout = GitIndex.find(root);
        if (checkout.isPresent()) {
            return new Listing(Origin.GIT_INDEX, tracked(root, checkout.get()));
        }
        return new Listing(Origin.DIRECTORY_WALK, walk(root));
    }

    private static List<Listed> tracked(Path root, GitIndex.Checkout checkout) throws CacheKeyException {
        Path absolute = root.toAbsolutePath().normalize();
        Path workTree = checkout.workTree().toAbsolutePath().normalize();
        String prefix = workTree.equals(absolute) ? "" : slashes(workTree.relativize(absolute)) + "/";
        List<Listed> files = new ArrayList<>();
        for (GitIndex.Entry entry : GitIndex.read(checkout)) {
            if (entry.path().startsWith(prefix)) {
                files.add(new Listed(entry.path().substring(prefix.length()), entry));
            }
        }
        return files;
    }

    private static List<Listed> walk(Path root) throws CacheKeyException {
        List<Listed> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = dir.getFileName().toString();
                    boolean buildOutput = name.equals("target") && Files.isRegularFile(dir.resolveSibling("pom.xml"));
                    return buildOutput || ignored(root.relativize(dir)) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path relative = root.relativize(file);
                    if (!attrs.isDirectory() && !ignored(relative)) {
                        files.add(new Listed(slashes(relative), null));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw CacheKey.unreadable(root, e);
        }
        return files;
    }

    private static boolean ignored(Path relative) {
        String name = relative.getFileName().toString();
        if (IGNORED_NAMES.contains(name) || name.endsWith(".iml") || name.endsWith(".ipr") || name.endsWith(".iws")) {
            return true;
        }
        String path = slashes(relative);
        return path.startsWith(".mvn/") && (name.startsWith(".")
                || (path.startsWith(".mvn/wrapper/") && name.endsWith(".jar")));
    }

    static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
