package dev.hermetic.vendor;

import dev.hermetic.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Maven {@code settings.xml} that makes a vendored repository a build's only repository: one mirror of every
 * repository ({@code mirrorOf *}) with a {@code file://} url, and Maven Central's SNAPSHOT policy opened (a profile
 * of the settings: it does not change which build of the lockfile runs). The url is relative to the directory Maven is started
 * in ({@code ${user.dir}}) when the vendored repository is inside the project, so that the project and its vendored
 * repository can move together (another path, another machine): run Maven from the project's root.
 * {@code ${maven.multiModuleProjectDirectory}} would not do: it is the nearest directory above with a {@code .mvn},
 * which need not be the project's.
 */
public final class MirrorSettings {

    /** The mirror's id: Maven's log names it when it downloads ("Downloading from hermetic-vendor"). */
    public static final String MIRROR_ID = "hermetic-vendor";

    private MirrorSettings() {}

    /**
     * The mirror's url for a vendored repository.
     *
     * @param repository the vendored repository
     * @param root the project's root, where Maven is to be started
     */
    public static String url(Path repository, Path root) {
        Path absolute = repository.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        if (absolute.startsWith(base)) {
            String relative = base.relativize(absolute).toString().replace(absolute.getFileSystem().getSeparator(),
                    "/");
            return "file://${user.dir}" + (relative.isEmpty() ? "" : "/" + relative);
        }
        return absolute.toUri().toString();
    }

    /**
     * The command that builds the project from the vendored repository alone, run from {@code root}: these settings,
     * and a local repository of its own beside them (so that nothing comes from the usual one). Not {@code -o}: Maven
     * does not read a {@code file://} repository offline.
     */
    public static String command(Path settingsFile, Path root) {
        Path base = root.toAbsolutePath().normalize();
        Path settings = settingsFile.toAbsolutePath().normalize();
        return "mvn -s " + shown(settings, base) + " -Dmaven.repo.local="
                + shown(settings.resolveSibling("local-repository"), base) + " verify";
    }

    /** A path as a command run from {@code base} takes it: relative when inside it. */
    private static String shown(Path path, Path base) {
        return path.startsWith(base) ? base.relativize(path).toString().replace(path.getFileSystem().getSeparator(),
                "/") : path.toString();
    }

    /** The settings file's text; {@code command} shows how to use it (in a comment). */
    public static String render(String url, String command) {
        String xmlUrl = url.replace("&", "&amp;").replace("<", "&lt;");
        // Not a text block: the plugin descriptor's Java parser (QDox) cannot read one.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- Written by hermetic:vendor. Every repository is the vendored directory; ${user.dir} is where "
                + "Maven\n     starts: run it from the project's root, e.g.\n     " + command + " -->\n"
                + "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\"\n"
                + "          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "          xsi:schemaLocation=\"http://maven.apache.org/SETTINGS/1.0.0 "
                + "https://maven.apache.org/xsd/settings-1.0.0.xsd\">\n"
                + "  <mirrors>\n"
                + "    <mirror>\n"
                + "      <id>" + MIRROR_ID + "</id>\n"
                + "      <mirrorOf>*</mirrorOf>\n"
                + "      <url>" + xmlUrl + "</url>\n"
                + "    </mirror>\n"
                + "  </mirrors>\n"
                // Maven's built-in central refuses SNAPSHOTs, and the mirror keeps the policy of what it mirrors: a
                // build whose lockfile holds one (a plugin built locally) would not find it.
                + "  <profiles>\n"
                + "    <profile>\n"
                + "      <id>" + MIRROR_ID + "</id>\n"
                + "      <repositories>\n"
                + "        <repository>\n"
                + "          <id>central</id>\n"
                + "          <url>" + xmlUrl + "</url>\n"
                + "          <snapshots><enabled>true</enabled></snapshots>\n"
                + "        </repository>\n"
                + "      </repositories>\n"
                + "      <pluginRepositories>\n"
                + "        <pluginRepository>\n"
                + "          <id>central</id>\n"
                + "          <url>" + xmlUrl + "</url>\n"
                + "          <snapshots><enabled>true</enabled></snapshots>\n"
                + "        </pluginRepository>\n"
                + "      </pluginRepositories>\n"
                + "    </profile>\n"
                + "  </profiles>\n"
                + "  <activeProfiles>\n"
                + "    <activeProfile>" + MIRROR_ID + "</activeProfile>\n"
                + "  </activeProfiles>\n"
                + "</settings>\n";
    }

    /**
     * Writes the settings file for {@code repository}.
     *
     * @return the command that uses it ({@link #command})
     */
    public static String write(Path settingsFile, Path repository, Path root) throws IOException {
        String command = command(settingsFile, root);
        AtomicFile.write(settingsFile, render(url(repository, root), command));
        return command;
    }
}
