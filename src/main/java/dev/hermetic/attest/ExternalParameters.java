package dev.hermetic.attest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermetic.io.CanonicalJson;
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
 * @param source the repository and commit the build started from, when known
 */
public record ExternalParameters(List<String> goals, SortedSet<String> profiles,
        SortedMap<String, String> userProperties, SortedSet<String> withheldProperties,
        Optional<ResourceDescriptor> source) {

    /** A property whose name contains one of these (in any case) is named, but its value is never written. */
    public static final List<String> SECRET_NAME_PARTS = List.of("password", "passphrase", "token", "secret", "key");

    public ExternalParameters {
        goals = List.copyOf(goals);
        profiles = Collections.unmodifiableSortedSet(new TreeSet<>(profiles));
        userProperties = Collections.unmodifiableSortedMap(new TreeMap<>(userProperties));
        withheldProperties = Collections.unmodifiableSortedSet(new TreeSet<>(withheldProperties));
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
        return new ExternalParameters(goals, new TreeSet<>(profiles), kept, withheld, Optional.ofNullable(source));
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
        source.ifPresent(s -> node.set("source", s.toJson()));
        return node;
    }
}
