package dev.hermetic.maven;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The executions extension mode adds to a plugin declared with {@code <extensions>true</extensions>} and no
 * {@code <executions>}: the recommended bindings, in the order they run. Declared executions (any) mean the user
 * chose, and nothing is added. No Maven type here: {@link HermeticLifecycleParticipant} applies the result.
 */
final class RecommendedBindings {

    /** One execution to add: its id, the phase it is bound to and its goal. */
    record Binding(String id, String phase, String goal) {
    }

    /**
     * Normalize twice (the second run sees what was attached after {@code package}), then sign the normalized
     * bytes; sign runs after the second normalize because executions of one plugin in one phase run in this order.
     */
    static final List<Binding> RECOMMENDED = List.of(
            new Binding("hermetic-verify", "validate", "verify"),
            new Binding("hermetic-default", "package", "normalize"),
            new Binding("hermetic-late-attachments", "verify", "normalize"),
            new Binding("hermetic-sign", "verify", "sign"));

    private RecommendedBindings() {
    }

    /** What to add to a plugin declared as an extension: nothing when it declares executions of its own. */
    static List<Binding> toAdd(boolean declaresExecutions) {
        return declaresExecutions ? List.of() : RECOMMENDED;
    }

    /** The one INFO line that says what was added and how to opt out. */
    static String notice(List<Binding> added, int modules) {
        String bindings = added.stream().map(b -> "hermetic:" + b.goal() + " in " + b.phase())
                .collect(Collectors.joining(", "));
        return "hermetic: no <executions> declared, so extension mode bound the recommended goals ("
                + bindings + ") in " + modules + (modules == 1 ? " module" : " modules")
                + "; to choose them yourself, declare <executions> for the plugin";
    }
}
