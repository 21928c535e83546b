package dev.hermetic.maven;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The executions extension mode adds to a plugin declared with {@code <extensions>true</extensions>} and no
 * {@code <executions>}: the recommended bindings, in the order they run. Declared executions (any) mean the user
 * chose, and nothing is added. Loaded as a core extension ({@code .mvn/extensions.xml}), it adds itself with these
 * bindings to each module whose POM does not declare it; a module that declares it follows its POM. No Maven type
 * here: {@link HermeticLifecycleParticipant} applies the result.
 */
final class RecommendedBindings {

    /** One execution to add: its id, the phase it is bound to and its goal. */
    record Binding(String id, String phase, String goal) {
    }

    /**
     * Normalize twice (the second run sees what was attached after {@code package}), then write the SBOM of the
     * normalized module, then its provenance, then sign them all (the SBOM and the provenance are attached before
     * sign, so both are signed and listed in the manifest); executions of one plugin in one phase run in this order.
     */
    static final List<Binding> RECOMMENDED = List.of(
            new Binding("hermetic-verify", "validate", "verify"),
            new Binding("hermetic-default", "package", "normalize"),
            new Binding("hermetic-late-attachments", "verify", "normalize"),
            new Binding("hermetic-sbom", "verify", "sbom"),
            new Binding("hermetic-provenance", "verify", "provenance"),
            new Binding("hermetic-sign", "verify", "sign"));

    private RecommendedBindings() {
    }

    /** What to add to a plugin declared as an extension: nothing when it declares executions of its own. */
    static List<Binding> toAdd(boolean declaresExecutions) {
        return declaresExecutions ? List.of() : RECOMMENDED;
    }

    /**
     * Whether extension mode adds the plugin itself to a module: only as a core extension, and only where the
     * module's POM (or a parent's) does not declare it in its build, so nothing is bound twice.
     */
    static boolean addsPlugin(boolean coreExtension, boolean declaredInBuild) {
        return coreExtension && !declaredInBuild;
    }

    /** The one INFO line that says what was added and how to opt out. */
    static String notice(List<Binding> added, int modules) {
        return "hermetic: no <executions> declared, so extension mode bound the recommended goals ("
                + describe(added) + ") in " + modules(modules)
                + "; to choose them yourself, declare <executions> for the plugin";
    }

    /** The one INFO line, as a core extension, that says which plugin was added where, and how to opt out. */
    static String coreExtensionNotice(String plugin, int modules) {
        return "hermetic: loaded from .mvn/extensions.xml, so extension mode added " + plugin
                + " with the recommended goals (" + describe(RECOMMENDED) + ") to " + modules(modules)
                + " whose POM does not declare it; to choose them yourself, declare the plugin in the POM";
    }

    private static String describe(List<Binding> bindings) {
        return bindings.stream().map(b -> "hermetic:" + b.goal() + " in " + b.phase())
                .collect(Collectors.joining(", "));
    }

    private static String modules(int modules) {
        return modules + (modules == 1 ? " module" : " modules");
    }
}
