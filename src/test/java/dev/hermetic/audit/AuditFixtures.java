package dev.hermetic.audit;

import dev.hermetic.audit.BuildFacts.Comparison;
import dev.hermetic.audit.BuildFacts.LockfileState;
import dev.hermetic.audit.BuildFacts.Module;
import dev.hermetic.audit.BuildFacts.Plugin;
import dev.hermetic.audit.BuildFacts.Repository;
import dev.hermetic.audit.BuildFacts.TextFile;
import dev.hermetic.audit.BuildFacts.VersionUse;
import dev.hermetic.audit.BuildFacts.Wrapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds of known shape, as facts: a bare project, one that passes every check, and pieces to vary them. */
final class AuditFixtures {

    private AuditFixtures() {}

    /** Numeric versions compared field by field (1.10 after 1.9); enough for the versions of these tests. */
    static final Comparator<String> VERSIONS = (a, b) -> {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(number(x, i), number(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private static int number(String[] fields, int i) {
        try {
            return i < fields.length ? Integer.parseInt(fields[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Plugin plugin(String key, String version, boolean inPom, String... goals) {
        String[] ga = key.split(":");
        return new Plugin(ga[0], ga[1], version, inPom, Set.of(goals));
    }

    static Plugin hermetic(String... goals) {
        return plugin("dev.hermetic:hermetic-maven-plugin", "1.0.0", true, goals);
    }

    /** The plugins of a jar module as Maven 3.9.16 binds them, with versions from its defaults. */
    static List<Plugin> defaultJarPlugins(boolean inPom) {
        return new ArrayList<>(List.of(
                plugin("org.apache.maven.plugins:maven-clean-plugin", "3.2.0", inPom, "clean"),
                plugin("org.apache.maven.plugins:maven-resources-plugin", "3.3.1", inPom, "resources", "testResources"),
                plugin("org.apache.maven.plugins:maven-compiler-plugin", "3.13.0", inPom, "compile", "testCompile"),
                plugin("org.apache.maven.plugins:maven-surefire-plugin", "3.2.5", inPom, "test"),
                plugin("org.apache.maven.plugins:maven-jar-plugin", "3.4.1", inPom, "jar"),
                plugin("org.apache.maven.plugins:maven-install-plugin", "3.1.2", inPom, "install"),
                plugin("org.apache.maven.plugins:maven-deploy-plugin", "3.1.2", inPom, "deploy")));
    }

    /** A POM with coordinates and one dependency, nothing else, built with Maven 3.9.16 and no wrapper. */
    static BuildFacts bare() {
        Module app = new Module("org.example:app", "jar", null, null, defaultJarPlugins(false),
                List.of(new VersionUse("dependency junit:junit", "4.13.2")), List.of());
        return new BuildFacts("3.9.16", 17, "1.0.0", List.of(app), List.of(central()), null, List.of(), Map.of(),
                new LockfileState("/p/hermetic.lock", false, List.of(), null, "mvn verify hermetic:lock"),
                List.of());
    }

    static Repository central() {
        return new Repository("repository", "central", "https://repo.maven.apache.org/maven2", "Maven's super POM",
                false, null, false);
    }

    static Module goodModule(String id, String packaging) {
        List<Plugin> plugins = defaultJarPlugins(true);
        plugins.add(hermetic("verify", "normalize", "sbom", "buildinfo", "provenance", "sign"));
        return new Module(id, packaging, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", plugins,
                List.of(new VersionUse("dependency junit:junit", "4.13.2")), List.of("maven.compiler.release=17"));
    }

    /** A build that passes every check. */
    static BuildFacts platinum() {
        return facts(List.of(goodModule("org.example:parent", "pom"), goodModule("org.example:app", "jar")),
                List.of(central()));
    }

    static BuildFacts facts(List<Module> modules, List<Repository> repositories) {
        return new BuildFacts("3.9.16", 17, "1.0.0", modules, repositories,
                new Wrapper(".mvn/wrapper/maven-wrapper.properties",
                        "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/3.9.16/apache-maven-3.9.16-bin.zip",
                        "5af3b743dd8b876b5c45da33b676251e5f1687712644abb4ee519ca56e1d89ce"),
                List.of(new TextFile(".gitattributes", "* text=auto eol=lf\n*.png binary\n")),
                Map.of(Audit.ENABLE_TRUSTED, "true", "aether.trustedChecksumsSource.summaryFile", "true"),
                new LockfileState("/p/hermetic.lock", true, List.of(), "hermetic:verify: 2 modules against"
                        + " hermetic.lock: 40 artifacts verified, 0 errors, 0 warnings", "mvn verify hermetic:lock"),
                List.of(new Comparison("target/hermetic-compare.json", true, "4 identical", List.of())));
    }

    static KnownIssues knownIssues() {
        try {
            return KnownIssues.builtIn();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static AuditReport audit(BuildFacts facts) {
        return new Audit(knownIssues(), VERSIONS).run(facts);
    }
}
