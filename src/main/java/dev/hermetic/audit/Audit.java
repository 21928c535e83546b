package dev.hermetic.audit;

import dev.hermetic.archive.BuildTimestamp;
import dev.hermetic.audit.BuildFacts.Module;
import dev.hermetic.audit.BuildFacts.Plugin;
import dev.hermetic.audit.BuildFacts.Repository;
import dev.hermetic.audit.BuildFacts.TextFile;
import dev.hermetic.audit.BuildFacts.VersionUse;
import dev.hermetic.lock.VersionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every {@link Check} on a build's facts. Each check is judged on its own and all are reported: one failure
 * never hides another.
 */
public final class Audit {

    static final String GROUP_ID = "dev.hermetic";
    static final String ARTIFACT_ID = "hermetic-maven-plugin";
    static final String ENABLE_TRUSTED = "aether.artifactResolver.postProcessor.trustedChecksums";
    private static final List<String> TRUSTED_SOURCES = List.of("aether.trustedChecksumsSource.summaryFile",
            "aether.trustedChecksumsSource.sparseDirectory");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

    /** The fixes that the plugin declaration of {@link #recommendedPlugin} makes pass. */
    private static final String PASTE = "the plugin declaration given binds verify, normalize, sbom, buildinfo,"
            + " provenance and sign (it replaces extension mode's recommended bindings; its verify goal needs hermetic.lock, which"
            + " the lockfile check's fix makes)";

    private final KnownIssues knownIssues;
    private final Comparator<String> versionOrder;

    /**
     * @param versionOrder the build tool's order of versions, to compare a plugin's version with its first fixed one
     */
    public Audit(KnownIssues knownIssues, Comparator<String> versionOrder) {
        this.knownIssues = Objects.requireNonNull(knownIssues, "knownIssues");
        this.versionOrder = Objects.requireNonNull(versionOrder, "versionOrder");
    }

    /** Every check, in {@link Check}'s order. */
    public AuditReport run(BuildFacts facts) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : Check.values()) {
            results.add(run(check, facts));
        }
        return new AuditReport(results);
    }

    private CheckResult run(Check check, BuildFacts facts) {
        return switch (check) {
            case PLUGIN_VERSIONS -> pluginVersions(facts);
            case DYNAMIC_VERSIONS -> dynamicVersions(facts);
            case JDK_PINNED -> jdkPinned(facts);
            case REPOSITORIES_HTTPS -> repositoriesHttps(facts);
            case MAVEN_WRAPPER -> mavenWrapper(facts);
            case LOCKFILE -> lockfile(facts);
            case REPOSITORIES_MIRROR -> repositoriesMirror(facts);
            case TRUSTED_CHECKSUMS -> trustedChecksums(facts);
            case OUTPUT_TIMESTAMP -> outputTimestamp(facts);
            case KNOWN_PLUGIN_ISSUES -> knownPluginIssues(facts);
            case NORMALIZE_BOUND -> bound(check, facts, Module::packagesArchive, "packages an archive",
                    p -> p.binds(GROUP_ID, ARTIFACT_ID, "normalize"), "hermetic:normalize",
                    "Bind hermetic:normalize, so every archive is rewritten with fixed times, order and permissions: "
                            + PASTE);
            case LINE_ENDINGS -> lineEndings(facts);
            case SIGNING -> bound(check, facts, m -> true, "deploys its POM",
                    p -> p.binds(GROUP_ID, ARTIFACT_ID, "sign") || p.binds("org.apache.maven.plugins",
                            "maven-gpg-plugin", "sign"), "hermetic:sign or maven-gpg-plugin's sign",
                    "Bind hermetic:sign, and for releases set hermetic.sign.required=true so a missing key fails"
                            + " (docs/signing.md): " + PASTE);
            case DIGEST_MANIFEST -> bound(check, facts, m -> true, "deploys its POM",
                    p -> p.binds(GROUP_ID, ARTIFACT_ID, "sign"), "hermetic:sign (it writes the signed digest manifest)",
                    "Bind hermetic:sign, which writes and signs each module's digest manifest (maven-gpg-plugin"
                            + " writes none): " + PASTE);
            case PROVENANCE -> bound(check, facts, m -> true, "deploys its POM",
                    p -> p.binds(GROUP_ID, ARTIFACT_ID, "provenance"), "hermetic:provenance",
                    "Bind hermetic:provenance (docs/provenance.md): " + PASTE);
            case SBOM -> sbom(facts);
            case BUILDINFO -> buildinfo(facts);
            case REBUILD_COMPARED -> rebuildCompared(facts);
        };
    }

    // ---- inputs

    private CheckResult pluginVersions(BuildFacts facts) {
        Map<String, List<String>> unpinned = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        int plugins = 0;
        for (Module module : facts.modules()) {
            for (Plugin plugin : module.plugins()) {
                plugins++;
                if (!plugin.versionInPom()) {
                    unpinned.computeIfAbsent(plugin.key(), k -> new ArrayList<>()).add(module.id());
                    defaults.putIfAbsent(plugin.key(), plugin.version());
                }
            }
        }
        if (unpinned.isEmpty()) {
            return CheckResult.pass(Check.PLUGIN_VERSIONS, List.of(plugins + " plugin uses in the build plans of "
                    + modules(facts.modules().size()) + ", each with its version in a POM"));
        }
        List<String> evidence = new ArrayList<>();
        StringBuilder snippet = new StringBuilder("<build>\n  <pluginManagement>\n    <plugins>\n");
        unpinned.forEach((key, in) -> {
            String version = defaults.get(key);
            evidence.add(key + ": no version in any POM, Maven " + facts.mavenVersion() + " uses "
                    + (version == null ? "the newest release it finds" : version + " from its defaults") + " ("
                    + in(in) + ")");
            snippet.append("      ").append(pluginXml(key, version == null ? "VERSION" : version)).append('\n');
        });
        snippet.append("    </plugins>\n  </pluginManagement>\n</build>");
        return CheckResult.fail(Check.PLUGIN_VERSIONS, evidence, "Pin each in the root POM's"
                + " <build><pluginManagement> (the versions Maven uses now are given; a newer release is better)",
                snippet.toString());
    }

    private CheckResult dynamicVersions(BuildFacts facts) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        List<String> exempt = new ArrayList<>();
        int versions = 0;
        for (Module module : facts.modules()) {
            for (Plugin plugin : module.plugins()) {
                if (!plugin.versionInPom()) {
                    continue; // plugin-versions reports it
                }
                versions++;
                VersionSpec spec = VersionSpec.of(plugin.version());
                if (!spec.isPinned()) {
                    if (isThisPlugin(plugin)) {
                        exempt.add(plugin.key() + " " + plugin.version());
                    } else {
                        found.computeIfAbsent("plugin " + plugin.key() + ": " + spec.describe(),
                                k -> new ArrayList<>()).add(module.id());
                    }
                }
            }
            for (VersionUse use : module.versions()) {
                versions++;
                VersionSpec spec = VersionSpec.of(use.version());
                if (!spec.isPinned()) {
                    found.computeIfAbsent(use.what() + ": " + spec.describe(), k -> new ArrayList<>())
                            .add(module.id());
                }
            }
        }
        List<String> evidence = new ArrayList<>();
        found.forEach((what, in) -> evidence.add(what + " (" + in(in) + ")"));
        if (!exempt.isEmpty()) {
            evidence.add("not counted: " + String.join(", ", exempt.stream().distinct().toList()) + ", this plugin's"
                    + " own development version (hermetic:verify exempts it too; its jar is still locked)");
        }
        if (found.isEmpty()) {
            evidence.add(0, versions + (versions == 1 ? " version" : " versions") + " named by the models of " + modules(facts.modules().size())
                    + ", each an exact release");
            return CheckResult.pass(Check.DYNAMIC_VERSIONS, evidence);
        }
        return CheckResult.fail(Check.DYNAMIC_VERSIONS, evidence, "Replace each with the exact release it resolves"
                + " to today (mvn dependency:tree shows it), in <dependencyManagement> or <pluginManagement>", "");
    }

    private CheckResult jdkPinned(BuildFacts facts) {
        List<String> unpinned = new ArrayList<>();
        List<String> pins = new ArrayList<>();
        for (Module module : facts.modules()) {
            if (!module.packagesArchive()) {
                continue;
            }
            if (module.jdkPins().isEmpty()) {
                unpinned.add(module.id());
            }
            module.jdkPins().stream().filter(p -> !pins.contains(p)).forEach(pins::add);
        }
        if (unpinned.isEmpty()) {
            return CheckResult.pass(Check.JDK_PINNED, pins.isEmpty() ? List.of("no module compiles: nothing to pin")
                    : pins.stream().map(p -> "pinned by " + p).toList());
        }
        return CheckResult.fail(Check.JDK_PINNED, List.of("nothing pins the JDK of " + in(unpinned)
                        + ": no maven.compiler.release, compiler <release>, toolchain or enforcer requireJavaVersion"),
                "Set the Java release you target in the root POM's <properties> (the JDK running this build is "
                        + facts.javaRelease() + "); to require the JDK itself, add enforcer's requireJavaVersion or a"
                        + " toolchain",
                "<maven.compiler.release>" + facts.javaRelease() + "</maven.compiler.release>");
    }

    private CheckResult repositoriesHttps(BuildFacts facts) {
        List<String> plain = new ArrayList<>();
        for (Repository r : facts.repositories()) {
            if (r.url() != null && r.url().toLowerCase(Locale.ROOT).startsWith("http:")) {
                plain.add(r.kind() + " " + r.id() + " (" + r.url() + ") in " + r.source()
                        + (r.blocked() ? ", blocked by Maven's default http blocker" : ""));
            }
        }
        if (plain.isEmpty()) {
            List<String> named = facts.repositories().stream().map(r -> r.id() + " " + r.url()).distinct().toList();
            return CheckResult.pass(Check.REPOSITORIES_HTTPS, List.of(named.isEmpty() ? "no repository"
                    : "none over plain http: " + String.join(", ", named)));
        }
        return CheckResult.fail(Check.REPOSITORIES_HTTPS, plain, "Use each one's https:// address (Maven Central:"
                + " https://repo.maven.apache.org/maven2), or remove it: over http anyone on the way can change what"
                + " is downloaded", "");
    }

    private CheckResult mavenWrapper(BuildFacts facts) {
        String version = facts.mavenVersion();
        String url = "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/" + version
                + "/apache-maven-" + version + "-bin.zip";
        String install = "url=" + url + "\n"
                + "curl -sfL \"$url.sha512\"; curl -sfL \"$url\" | sha512sum   # the two must match\n"
                + "mvn -N org.apache.maven.plugins:maven-wrapper-plugin:3.3.4:wrapper -Dmaven=" + version
                + " -DdistributionSha256Sum=$(curl -sfL \"$url\" | sha256sum | cut -c1-64)";
        BuildFacts.Wrapper wrapper = facts.wrapper();
        if (wrapper == null) {
            return CheckResult.fail(Check.MAVEN_WRAPPER, List.of("no .mvn/wrapper/maven-wrapper.properties at the"
                            + " build's root: the build runs whatever Maven is installed (here " + version + ")"),
                    "Add the Maven Wrapper with the distribution's SHA-256, then build with ./mvnw", install);
        }
        List<String> evidence = new ArrayList<>();
        String distribution = wrapper.distributionUrl();
        boolean ok = true;
        if (distribution == null || distribution.isBlank()) {
            evidence.add(wrapper.file() + " has no distributionUrl");
            ok = false;
        } else if (!distribution.toLowerCase(Locale.ROOT).startsWith("https:")) {
            evidence.add(wrapper.file() + ": distributionUrl " + distribution + " is not https");
            ok = false;
        } else {
            evidence.add(wrapper.file() + ": distributionUrl " + distribution);
        }
        String sum = wrapper.distributionSha256Sum();
        if (sum == null || sum.isBlank()) {
            evidence.add(wrapper.file() + " has no distributionSha256Sum: the downloaded Maven is not checked");
            ok = false;
        } else if (!SHA256.matcher(sum.strip()).matches()) {
            evidence.add(wrapper.file() + ": distributionSha256Sum '" + sum + "' is not 64 hexadecimal digits");
            ok = false;
        } else {
            evidence.add("distributionSha256Sum=" + sum.strip());
        }
        if (ok) {
            return CheckResult.pass(Check.MAVEN_WRAPPER, evidence);
        }
        String target = distribution != null && distribution.toLowerCase(Locale.ROOT).startsWith("https:")
                ? distribution : url;
        return CheckResult.fail(Check.MAVEN_WRAPPER, evidence, "Set distributionUrl to the https:// address of the"
                + " Maven distribution and distributionSha256Sum to its SHA-256 in " + wrapper.file()
                + " (check the download against the .sha512 Maven Central publishes next to it)",
                "distributionUrl=" + target + "\ndistributionSha256Sum=<output of: curl -sfL " + target
                        + " | sha256sum | cut -c1-64>");
    }

    private CheckResult lockfile(BuildFacts facts) {
        BuildFacts.LockfileState lock = facts.lockfile();
        if (!lock.present()) {
            return CheckResult.fail(Check.LOCKFILE, List.of("no lockfile at " + lock.file()),
                    "Lock the build, review the lockfile and commit it; hermetic:verify then checks every input's"
                            + " bytes before use (docs/lock-verify.md)", lock.lockCommand());
        }
        if (lock.problems().isEmpty()) {
            return CheckResult.pass(Check.LOCKFILE, List.of(lock.summary() == null ? lock.file() + " matches the"
                    + " build" : lock.summary()));
        }
        List<String> evidence = new ArrayList<>(lock.problems());
        if (lock.summary() != null) {
            evidence.add(lock.summary());
        }
        return CheckResult.fail(Check.LOCKFILE, evidence, "Fix each problem as its line says (hermetic:verify"
                + " reports the same); never re-lock to make a changed checksum go away without knowing why the bytes"
                + " changed", "");
    }

    private CheckResult repositoriesMirror(BuildFacts facts) {
        List<String> direct = new ArrayList<>();
        int added = 0;
        for (Repository r : facts.repositories()) {
            if (!r.declaredByPom()) {
                continue;
            }
            added++;
            if (r.mirror() == null) {
                direct.add(r.kind() + " " + r.id() + " (" + r.url() + ") added by " + r.source()
                        + ": downloaded from directly, not through a mirror of yours");
            }
        }
        if (direct.isEmpty()) {
            return CheckResult.pass(Check.REPOSITORIES_MIRROR, List.of(added == 0 ? "no POM adds a repository"
                    : added + " repositories added by POMs, each fetched through a mirror of settings.xml"));
        }
        return CheckResult.fail(Check.REPOSITORIES_MIRROR, direct, "Remove the repository from the POM and proxy it"
                + " in your repository manager, or cover it with a <mirror> in settings.xml", "<mirrors>\n"
                + "  <mirror>\n    <id>company</id>\n    <mirrorOf>*</mirrorOf>\n"
                + "    <url>https://repository.example.com/maven</url>\n  </mirror>\n</mirrors>");
    }

    private CheckResult trustedChecksums(BuildFacts facts) {
        String fix = "Write the lockfile's checksums as Resolver's trusted checksums and turn them on in"
                + " .mvn/maven.config";
        String command = facts.lockfile().lockCommand() + " -Dhermetic.lock.resolverChecksums";
        if (!atLeast(facts.mavenVersion(), 3, 9)) {
            return new CheckResult(Check.TRUSTED_CHECKSUMS, Status.UNAVAILABLE, List.of("Maven "
                    + facts.mavenVersion() + " has no trusted checksums (Maven Resolver 1.9, in Maven 3.9 and"
                    + " later)"), "Build with Maven 3.9 or later (pin it with the Maven Wrapper), then: " + fix,
                    command);
        }
        Map<String, String> p = facts.resolverProperties();
        List<String> evidence = new ArrayList<>();
        p.forEach((k, v) -> {
            if (k.startsWith(ENABLE_TRUSTED) || k.startsWith("aether.trustedChecksumsSource.")) {
                evidence.add(k + "=" + v);
            }
        });
        boolean on = "true".equalsIgnoreCase(p.get(ENABLE_TRUSTED));
        boolean source = TRUSTED_SOURCES.stream().anyMatch(s -> "true".equalsIgnoreCase(p.get(s)));
        if (on && source) {
            return CheckResult.pass(Check.TRUSTED_CHECKSUMS, evidence);
        }
        if (!on) {
            evidence.add(ENABLE_TRUSTED + " is not true: Maven does not check what it downloads against trusted"
                    + " checksums");
        }
        if (!source) {
            evidence.add("no trusted checksums source is on (" + String.join(" or ", TRUSTED_SOURCES) + ")");
        }
        return CheckResult.fail(Check.TRUSTED_CHECKSUMS, evidence, fix, command);
    }

    // ---- outputs

    private CheckResult outputTimestamp(BuildFacts facts) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Map<String, List<String>> good = new LinkedHashMap<>();
        for (Module module : facts.modules()) {
            String problem = timestampProblem(module.outputTimestamp(), module.outputTimestampAsWritten());
            String value = module.outputTimestampAsWritten() != null ? module.outputTimestampAsWritten()
                    : module.outputTimestamp();
            if (problem != null) {
                problems.computeIfAbsent(problem, k -> new ArrayList<>()).add(module.id());
            } else {
                good.computeIfAbsent("project.build.outputTimestamp=" + value + (value.contains("${git.commit.time}")
                        ? " (the commit's time: the same on every checkout of it, as long as git-commit-id-maven-plugin"
                                + " runs before the archives are made)" : ""), k -> new ArrayList<>())
                        .add(module.id());
            }
        }
        List<String> evidence = new ArrayList<>();
        problems.forEach((problem, in) -> evidence.add(problem + " (" + in(in) + ")"));
        good.forEach((what, in) -> evidence.add(what + " (" + in(in) + ")"));
        if (problems.isEmpty()) {
            return CheckResult.pass(Check.OUTPUT_TIMESTAMP, evidence);
        }
        return CheckResult.fail(Check.OUTPUT_TIMESTAMP, evidence, "Set a fixed instant in the root POM's"
                + " <properties>, e.g. your last commit's (git log -1 --format=%cI); maven-release-plugin updates it"
                + " on each release", "<project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>");
    }

    /** Why this module's timestamp does not give the same archives on every checkout, or null when it does. */
    static String timestampProblem(String value, String asWritten) {
        String written = asWritten != null ? asWritten : value;
        if (written != null) {
            Matcher m = EXPRESSION.matcher(written);
            while (m.find()) {
                String name = m.group(1);
                if (name.equals("maven.build.timestamp")) {
                    return "project.build.outputTimestamp=" + written + " takes the time of each build";
                }
                if (name.startsWith("git.") && !name.equals("git.commit.time")) {
                    return "project.build.outputTimestamp=" + written + " comes from git-commit-id's " + name
                            + ", which changes per build or checkout (only ${git.commit.time} stays the same)";
                }
            }
            if (written.contains("${git.commit.time}")) {
                return null;
            }
        }
        if (value == null || value.strip().length() <= 1) {
            return "project.build.outputTimestamp is not set"
                    + (value != null && !value.isEmpty() ? " ('" + value + "': one character counts as unset)" : "")
                    + ": archive entries carry the time of the build";
        }
        if (value.contains("${")) {
            return "project.build.outputTimestamp=" + value + " is an expression no POM defines";
        }
        try {
            BuildTimestamp.parse(value.strip(), BuildTimestamp.OUTPUT_TIMESTAMP);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private CheckResult knownPluginIssues(BuildFacts facts) {
        Map<String, List<String>> affected = new LinkedHashMap<>();
        Map<String, KnownIssues.Issue> issues = new LinkedHashMap<>();
        int plugins = 0;
        for (Module module : facts.modules()) {
            for (Plugin plugin : module.plugins()) {
                plugins++;
                Optional<KnownIssues.Issue> issue = knownIssues.affecting(plugin.key(), plugin.version(), versionOrder);
                if (issue.isPresent()) {
                    String id = plugin.key() + " " + plugin.version();
                    affected.computeIfAbsent(id, k -> new ArrayList<>()).add(module.id());
                    issues.put(id, issue.get());
                }
            }
        }
        if (affected.isEmpty()) {
            return CheckResult.pass(Check.KNOWN_PLUGIN_ISSUES, List.of(plugins + " plugin uses checked against "
                    + knownIssues.all().size() + " known issues: none affected"));
        }
        List<String> evidence = new ArrayList<>();
        StringBuilder snippet = new StringBuilder();
        affected.forEach((id, in) -> {
            KnownIssues.Issue issue = issues.get(id);
            evidence.add(id + ": " + issue.reason() + "; " + (issue.fixedIn() == null ? "no version fixes it"
                    : "fixed in " + issue.fixedIn()) + ", " + issue.reference() + " (" + in(in) + ")");
            if (issue.fixedIn() != null) {
                snippet.append(snippet.length() == 0 ? "" : "\n").append(pluginXml(issue.plugin(), issue.fixedIn()));
            }
        });
        return CheckResult.fail(Check.KNOWN_PLUGIN_ISSUES, evidence, "Upgrade each to its first fixed version or"
                + " later in <pluginManagement>; where no version fixes it, replace the plugin or keep its output out"
                + " of what you release. To accept an entry, override it with -Dhermetic.audit.knownIssues=FILE"
                + " (docs/audit.md)", snippet.toString());
    }

    private CheckResult lineEndings(BuildFacts facts) {
        String snippet = "* text=auto eol=lf";
        String fix = "Pin line endings in the .gitattributes at the repository's root, then run"
                + " 'git add --renormalize .' and commit: without it, a checkout with core.autocrlf=true turns every"
                + " text resource's LF into CRLF";
        if (facts.gitattributes().isEmpty()) {
            return CheckResult.fail(Check.LINE_ENDINGS, List.of("no .gitattributes at the build's root or above it"
                    + " in its git work tree"), fix, snippet);
        }
        List<String> rules = new ArrayList<>();
        for (TextFile file : facts.gitattributes()) {
            for (String line : file.text().lines().map(String::strip).toList()) {
                String[] fields = line.split("\\s+");
                if (line.startsWith("#") || fields.length < 2 || !(fields[0].equals("*") || fields[0].equals("*.java"))) {
                    continue;
                }
                for (int i = 1; i < fields.length; i++) {
                    if (fields[i].equals("eol=lf") || fields[i].equals("eol=crlf")) {
                        rules.add(file.path() + ": " + line);
                    }
                }
            }
        }
        if (!rules.isEmpty()) {
            return CheckResult.pass(Check.LINE_ENDINGS, rules);
        }
        return CheckResult.fail(Check.LINE_ENDINGS, facts.gitattributes().stream().map(f -> f.path()
                + " sets no eol= for * (or *.java): line endings follow each machine's git settings").toList(), fix,
                snippet);
    }

    private CheckResult bound(Check check, BuildFacts facts, Predicate<Module> concerned, String concernedWhat,
            Predicate<Plugin> binding, String goal, String fix) {
        List<String> missing = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Module module : facts.modules()) {
            if (!concerned.test(module)) {
                continue;
            }
            all.add(module.id());
            if (module.plugins().stream().noneMatch(binding)) {
                missing.add(module.id());
            }
        }
        if (all.isEmpty()) {
            return CheckResult.pass(check, List.of("no module " + concernedWhat));
        }
        if (missing.isEmpty()) {
            return CheckResult.pass(check, List.of(goal + " is bound in " + in(all)));
        }
        return CheckResult.fail(check, List.of(goal + " is not bound in " + in(missing)), fix,
                recommendedPlugin(facts.hermeticVersion()));
    }

    private CheckResult sbom(BuildFacts facts) {
        boolean aggregate = facts.modules().stream().flatMap(m -> m.plugins().stream())
                .anyMatch(p -> p.binds("org.cyclonedx", "cyclonedx-maven-plugin", "makeAggregateBom"));
        if (aggregate) {
            return CheckResult.pass(Check.SBOM, List.of("cyclonedx-maven-plugin's makeAggregateBom is bound"));
        }
        return bound(Check.SBOM, facts, Module::packagesArchive, "packages an archive",
                p -> p.binds(GROUP_ID, ARTIFACT_ID, "sbom") || p.binds("org.cyclonedx", "cyclonedx-maven-plugin",
                        "makeBom") || p.binds("org.spdx", "spdx-maven-plugin", "createSPDX"),
                "an SBOM goal (hermetic:sbom, cyclonedx-maven-plugin's makeBom or spdx-maven-plugin's createSPDX)",
                "Bind hermetic:sbom after normalize and before provenance and sign (docs/sbom.md): " + PASTE);
    }

    private CheckResult buildinfo(BuildFacts facts) {
        List<String> binding = new ArrayList<>();
        for (Module module : facts.modules()) {
            for (Plugin p : module.plugins()) {
                if (p.binds(GROUP_ID, ARTIFACT_ID, "buildinfo")
                        || p.binds("org.apache.maven.plugins", "maven-artifact-plugin", "buildinfo")) {
                    binding.add(module.id());
                }
            }
        }
        if (!binding.isEmpty()) {
            return CheckResult.pass(Check.BUILDINFO, List.of("a buildinfo goal is bound in " + in(binding)));
        }
        return CheckResult.fail(Check.BUILDINFO, List.of("no module binds hermetic:buildinfo or maven-artifact-plugin's"
                + " buildinfo: nothing records the outputs' lengths and SHA-512 for those who rebuild them"),
                "Bind hermetic:buildinfo (docs/compare.md): " + PASTE, recommendedPlugin(facts.hermeticVersion()));
    }

    private CheckResult rebuildCompared(BuildFacts facts) {
        String fix = "Build and install in one clone, then rebuild in another (another directory, ideally another"
                + " machine) and compare with that build's artifacts (docs/compare.md); a released version compares"
                + " with Maven Central by default";
        String command = "mvn -o verify hermetic:compare -Dhermetic.compare.reference=$HOME/.m2/repository/"
                + groupPath(facts);
        if (facts.comparisons().isEmpty()) {
            return CheckResult.fail(Check.REBUILD_COMPARED, List.of("no hermetic-compare.json or *.buildcompare in"
                    + " target/: no rebuild was compared"), fix, command);
        }
        // The reports that prove it first: the table shows a check's first line of evidence.
        List<String> proving = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        boolean notCurrent = false;
        for (BuildFacts.Comparison c : facts.comparisons()) {
            String verdict = c.file() + ": " + (c.identical() ? "identical" : "not identical") + " (" + c.summary()
                    + ")";
            if (c.current()) {
                (c.identical() ? proving : evidence).add(verdict
                        + ", about this build's outputs as they are now (their SHA-256)");
            } else {
                evidence.add(verdict + ", not proven to be about this build's outputs as they are now: "
                        + String.join("; ", c.notCurrent()));
            }
            notCurrent |= c.identical() && !c.current();
        }
        if (!proving.isEmpty()) {
            proving.addAll(evidence);
            return CheckResult.pass(Check.REBUILD_COMPARED, proving);
        }
        if (notCurrent) {
            return CheckResult.fail(Check.REBUILD_COMPARED, evidence, "Run hermetic:compare once the outputs are"
                    + " built, then the audit: hermetic-compare.json records the SHA-256 of each file it compared,"
                    + " which the audit checks against the files as they are now. " + fix, command);
        }
        return CheckResult.fail(Check.REBUILD_COMPARED, evidence, "Compare a rebuild of the build as it is now, and"
                + " fix what hermetic:compare names until it is identical; " + fix, command);
    }

    // ---- helpers

    static boolean isThisPlugin(Plugin plugin) {
        return GROUP_ID.equals(plugin.groupId()) && ARTIFACT_ID.equals(plugin.artifactId());
    }

    /** Whether a Maven version is at least {@code major.minor} (a version it cannot read counts as recent). */
    static boolean atLeast(String version, int major, int minor) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
        if (!m.find()) {
            return true;
        }
        int ma = Integer.parseInt(m.group(1));
        return ma > major || ma == major && Integer.parseInt(m.group(2)) >= minor;
    }

    private static String groupPath(BuildFacts facts) {
        return facts.modules().isEmpty() ? "" : facts.modules().get(0).id().replaceFirst(":.*", "").replace('.', '/');
    }

    private static String pluginXml(String key, String version) {
        String[] ga = key.split(":", 2);
        return "<plugin><groupId>" + ga[0] + "</groupId><artifactId>" + ga[1] + "</artifactId><version>" + version
                + "</version></plugin>";
    }

    /** The plugin declaration that binds every goal the outputs and verifiable checks look for. */
    static String recommendedPlugin(String version) {
        return """
                <plugin>
                  <groupId>dev.hermetic</groupId>
                  <artifactId>hermetic-maven-plugin</artifactId>
                  <version>%s</version>
                  <extensions>true</extensions>
                  <executions>
                    <execution>
                      <id>hermetic</id>
                      <goals>
                        <goal>verify</goal>
                        <goal>normalize</goal>
                      </goals>
                    </execution>
                    <execution>
                      <id>hermetic-release</id>
                      <phase>verify</phase>
                      <goals>
                        <goal>normalize</goal>
                        <goal>sbom</goal>
                        <goal>buildinfo</goal>
                        <goal>provenance</goal>
                        <goal>sign</goal>
                      </goals>
                    </execution>
                  </executions>
                </plugin>""".formatted(version);
    }

    static String modules(int count) {
        return count + (count == 1 ? " module" : " modules");
    }

    /** "module a" or "modules a, b, c", or "4 modules: a, b, ..." for long lists. */
    static String in(List<String> modules) {
        List<String> distinct = modules.stream().distinct().toList();
        if (distinct.size() == 1) {
            return "module " + distinct.get(0);
        }
        if (distinct.size() <= 5) {
            return "modules " + String.join(", ", distinct);
        }
        return distinct.size() + " modules: " + String.join(", ", distinct.subList(0, 4)) + " and "
                + (distinct.size() - 4) + " more";
    }
}
