package dev.hermetic.attest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermetic.io.CanonicalJson;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the build was asked to do: SLSA's {@code externalParameters}. User properties whose names look secret
 * ({@link #SECRET_NAME_PARTS}) are listed by name in {@code withheldProperties}; their values are never kept.
 *
 * @param goals the goals and phases, in the order given
 * @param profiles the active profiles' ids, sorted
 * @param userProperties the user properties ({@code -Dname=value}) that are not withheld, sorted by name
 * @param withheldProperties the names of the user properties whose values were withheld, sorted
 * @param machinePathProperties the names of the user properties whose values are absolute paths outside the
 *     build's root ({@link #of(List, Collection, Map, ResourceDescriptor, Path)}): where things are on one machine,
 *     not what is built; their values are left out so that the same build elsewhere gives the same Statement
 * @param source the repository and commit the build started from, when known
 */
public record ExternalParameters(List<String> goals, SortedSet<String> profiles,
        SortedMap<String, String> userProperties, SortedSet<String> withheldProperties,
        SortedSet<String> machinePathProperties, Optional<ResourceDescriptor> source) {

    /** How a value under the build's root is written: this, then the path from the root with '/' separators. */
    public static final String ROOT_PLACEHOLDER = "${session.rootDirectory}";

    /** A property whose name contains one of these (in any case) is named, but its value is never written. */
    public static final List<String> SECRET_NAME_PARTS = List.of("password", "passphrase", "token", "secret", "key");

    public ExternalParameters {
        goals = List.copyOf(goals);
        profiles = Collections.unmodifiableSortedSet(new TreeSet<>(profiles));
        userProperties = Collections.unmodifiableSortedMap(new TreeMap<>(userProperties));
        withheldProperties = Collections.unmodifiableSortedSet(new TreeSet<>(withheldProperties));
        machinePathProperties = Collections.unmodifiableSortedSet(new TreeSet<>(machinePathProperties));
        for (String name : userProperties.keySet()) {
            if (isSecretName(name)) {
                throw new IllegalArgumentException("The value of user property '" + name + "' must be withheld");
            }
        }
    }

    /**
     * The parameters of a build, with every user property whose name looks secret withheld.
     *
     * @param source null when unknown
     */
    public static ExternalParameters of(List<String> goals, Collection<String> profiles,
            Map<String, String> userProperties, ResourceDescriptor source) {
        TreeMap<String, String> kept = new TreeMap<>();
        TreeSet<String> withheld = new TreeSet<>();
        userProperties.forEach((name, value) -> {
            if (isSecretName(name)) {
                withheld.add(name);
            } else {
                kept.put(name, value);
            }
        });
        return new ExternalParameters(goals, new TreeSet<>(profiles), kept, withheld, new TreeSet<>(),
                Optional.ofNullable(source));
    }

    /**
     * As {@link #of(List, Collection, Map, ResourceDescriptor)}, with paths made portable: a value that is an
     * absolute path (or {@code file:} URI) under {@code root} is written as {@link #ROOT_PLACEHOLDER} and the path
     * from the root; one anywhere else on the machine ({@code -Dmaven.repo.local=/home/me/.m2/repository}) is named in
     * {@code machinePathProperties} and its value left out. Secret names are withheld first.
     */
    public static ExternalParameters of(List<String> goals, Collection<String> profiles,
            Map<String, String> userProperties, ResourceDescriptor source, Path root) {
        ExternalParameters all = of(goals, profiles, userProperties, source);
        TreeMap<String, String> kept = new TreeMap<>();
        TreeSet<String> machinePaths = new TreeSet<>();
        Path normalizedRoot = root.toAbsolutePath().normalize();
        all.userProperties.forEach((name, value) -> {
            if (!isAbsolutePath(value)) {
                kept.put(name, value);
                return;
            }
            Optional<Path> path = localPath(value);
            if (path.isPresent() && path.get().startsWith(normalizedRoot)) {
                String relative = normalizedRoot.relativize(path.get()).toString().replace('\\', '/');
                kept.put(name, relative.isEmpty() ? ROOT_PLACEHOLDER : ROOT_PLACEHOLDER + "/" + relative);
            } else {
                machinePaths.add(name);
            }
        });
        return new ExternalParameters(all.goals, all.profiles, kept, all.withheldProperties, machinePaths,
                all.source);
    }

    /** Whether a value is an absolute path, of unix or Windows, or a {@code file:} URI. */
    static boolean isAbsolutePath(String value) {
        String v = value.strip();
        return v.regionMatches(true, 0, "file:", 0, 5) || v.startsWith("/") || v.startsWith("\\\\")
                || (v.length() > 2 && Character.isLetter(v.charAt(0)) && v.charAt(1) == ':'
                        && (v.charAt(2) == '/' || v.charAt(2) == '\\'));
    }

    /** The path an absolute value names on this machine, when this machine can name it. */
    private static Optional<Path> localPath(String value) {
        String v = value.strip();
        try {
            Path path = v.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(v)) : Path.of(v);
            return path.isAbsolute() ? Optional.of(path.normalize()) : Optional.empty();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Whether a property of this name is withheld. */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAME_PARTS.stream().anyMatch(lower::contains);
    }

    ObjectNode toJson() {
        ObjectNode node = CanonicalJson.object();
        goals.forEach(node.putArray("goals")::add);
        profiles.forEach(node.putArray("profiles")::add);
        ObjectNode properties = node.putObject("userProperties");
        userProperties.forEach(properties::put);
        withheldProperties.forEach(node.putArray("withheldProperties")::add);
        if (!machinePathProperties.isEmpty()) {
            machinePathProperties.forEach(node.putArray("machinePathProperties")::add);
        }
        source.ifPresent(s -> node.set("source", s.toJson()));
        return node;
    }
}
