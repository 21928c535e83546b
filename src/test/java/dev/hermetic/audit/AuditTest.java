package dev.hermetic.audit;

import static dev.hermetic.audit.AuditFixtures.audit;
import static dev.hermetic.audit.AuditFixtures.bare;
import static dev.hermetic.audit.AuditFixtures.central;
import static dev.hermetic.audit.AuditFixtures.facts;
import static dev.hermetic.audit.AuditFixtures.goodModule;
import static dev.hermetic.audit.AuditFixtures.plugin;
import static dev.hermetic.audit.AuditFixtures.platinum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.audit.BuildFacts.Module;
import dev.hermetic.audit.BuildFacts.Plugin;
import dev.hermetic.audit.BuildFacts.Repository;
import dev.hermetic.audit.BuildFacts.VersionUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTest {

    private static CheckResult result(AuditReport report, Check check) {
        return report.results().stream().filter(r -> r.check() == check).findFirst().orElseThrow();
    }

    private static BuildFacts withModules(BuildFacts facts, List<Module> modules) {
        return new BuildFacts(facts.mavenVersion(), facts.javaRelease(), facts.hermeticVersion(), modules,
                facts.repositories(), facts.wrapper(), facts.gitattributes(), facts.resolverProperties(),
                facts.lockfile(), facts.comparisons());
    }

    private static Module withPlugins(Module m, List<Plugin> plugins, List<VersionUse> versions) {
        return new Module(m.id(), m.packaging(), m.outputTimestamp(), m.outputTimestampAsWritten(), plugins, versions,
                m.jdkPins());
    }

    @Test
    void aBuildThatPassesEveryCheckIsPlatinum() {
        AuditReport report = audit(platinum());
        assertThat(report.failing()).isEmpty();
        assertThat(report.level()).isEqualTo(Level.PLATINUM);
        assertThat(report.results()).extracting(CheckResult::check).containsExactly(Check.values());
    }

    @Test
    void aBareProjectIsBasicAndEveryCheckButThoseWithNothingToCheckFailsWithItsFix() {
        AuditReport report = audit(bare());
        assertThat(report.level()).isEqualTo(Level.BASIC);
        assertThat(report.failing()).extracting(CheckResult::check).containsExactly(Check.PLUGIN_VERSIONS,
                Check.JDK_PINNED, Check.MAVEN_WRAPPER, Check.LOCKFILE, Check.TRUSTED_CHECKSUMS,
                Check.OUTPUT_TIMESTAMP, Check.NORMALIZE_BOUND, Check.LINE_ENDINGS, Check.SIGNING,
                Check.DIGEST_MANIFEST, Check.PROVENANCE, Check.SBOM, Check.BUILDINFO, Check.REBUILD_COMPARED);
        assertThat(report.failing()).allSatisfy(r -> assertThat(r.fix()).isNotBlank());
        assertThat(result(report, Check.PLUGIN_VERSIONS).evidence()).contains(
                "org.apache.maven.plugins:maven-clean-plugin: no version in any POM, Maven 3.9.16 uses 3.2.0 from its"
                        + " defaults (module org.example:app)");
        assertThat(result(report, Check.PLUGIN_VERSIONS).snippet()).contains("<plugin><groupId>org.apache.maven"
                + ".plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.1</version></plugin>");
        assertThat(result(report, Check.LOCKFILE).snippet()).isEqualTo("mvn verify hermetic:lock");
    }

    /**
     * maven-artifact-plugin's check-buildplan lets a later check overwrite an earlier failure (its issue #241): a build
     * plan with a known non-reproducible plugin and no version range passes. Here both fail, and so does every other
     * check the build breaks.
     */
    @Test
    void oneFailureNeverHidesAnother() {
        BuildFacts good = platinum();
        Module app = good.modules().get(1);
        List<Plugin> plugins = new ArrayList<>(app.plugins());
        plugins.add(plugin("org.apache.maven.plugins:maven-source-plugin", "3.0.1", true, "jar-no-fork"));
        List<VersionUse> versions = List.of(new VersionUse("dependency org.example:lib", "[1.0,2.0)"));
        BuildFacts both = withModules(good, List.of(good.modules().get(0), withPlugins(app, plugins, versions)));

        AuditReport report = audit(both);

        assertThat(report.failing()).extracting(CheckResult::check)
                .containsExactly(Check.DYNAMIC_VERSIONS, Check.KNOWN_PLUGIN_ISSUES);
        assertThat(result(report, Check.KNOWN_PLUGIN_ISSUES).evidence()).singleElement().asString()
                .startsWith("org.apache.maven.plugins:maven-source-plugin 3.0.1: sources jars carried the build time;"
                        + " fixed in 3.2.1");
        assertThat(result(report, Check.DYNAMIC_VERSIONS).evidence()).singleElement().asString()
                .contains("dependency org.example:lib: '[1.0,2.0)' is a version range");
        assertThat(report.level()).isEqualTo(Level.BASIC);
    }

    @Test
    void everyOffendingItemOfOneCheckIsListedNotOnlyTheFirst() {
        AuditReport report = audit(bare());
        assertThat(result(report, Check.PLUGIN_VERSIONS).evidence()).hasSize(7);
    }

    @Test
    void aFailureAboveTheLevelReachedDoesNotLowerIt() {
        BuildFacts good = platinum();
        BuildFacts noComparison = new BuildFacts(good.mavenVersion(), good.javaRelease(), good.hermeticVersion(),
                good.modules(), good.repositories(), good.wrapper(), good.gitattributes(), good.resolverProperties(),
                good.lockfile(), List.of());
        AuditReport report = audit(noComparison);
        assertThat(report.level()).isEqualTo(Level.GOLD);
        assertThat(report.reaches(Level.GOLD)).isTrue();
        assertThat(report.reaches(Level.PLATINUM)).isFalse();
        assertThat(report.belowMessage(Level.PLATINUM, "hermetic.audit.failBelow", "target/hermetic-audit.md"))
                .startsWith("hermetic:audit: this build is at GOLD, PLATINUM is required (hermetic.audit.failBelow)."
                        + " To reach PLATINUM, fix:\n  - rebuild-compared [PLATINUM]: no hermetic-compare.json")
                .contains("    fix: Build and install in one clone")
                .endsWith("Every check, with what to paste: target/hermetic-audit.md");
    }

    @Test
    void trustedChecksumsAreNotAvailableOnMaven38AndThatIsNeverAPass() {
        BuildFacts good = platinum();
        BuildFacts maven38 = new BuildFacts("3.8.8", 17, "1.0.0", good.modules(), good.repositories(), good.wrapper(),
                good.gitattributes(), good.resolverProperties(), good.lockfile(), good.comparisons());
        CheckResult trusted = result(audit(maven38), Check.TRUSTED_CHECKSUMS);
        assertThat(trusted.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(trusted.evidence()).containsExactly("Maven 3.8.8 has no trusted checksums (Maven Resolver 1.9, in"
                + " Maven 3.9 and later)");
        assertThat(audit(maven38).level()).isEqualTo(Level.GOLD);
    }

    @Test
    void trustedChecksumsNeedTheSwitchAndASource() {
        BuildFacts good = platinum();
        BuildFacts switchOnly = new BuildFacts("3.9.16", 17, "1.0.0", good.modules(), good.repositories(),
                good.wrapper(), good.gitattributes(), Map.of(Audit.ENABLE_TRUSTED, "true"), good.lockfile(),
                good.comparisons());
        CheckResult trusted = result(audit(switchOnly), Check.TRUSTED_CHECKSUMS);
        assertThat(trusted.status()).isEqualTo(Status.FAIL);
        assertThat(trusted.evidence()).last().asString().startsWith("no trusted checksums source is on");
        assertThat(trusted.snippet()).isEqualTo("mvn verify hermetic:lock -Dhermetic.lock.resolverChecksums");
    }

    @Test
    void thisPluginsOwnSnapshotIsNotCountedAsADynamicVersionButIsNamed() {
        BuildFacts good = platinum();
        Module app = good.modules().get(1);
        List<Plugin> plugins = new ArrayList<>(app.plugins().subList(0, app.plugins().size() - 1));
        plugins.add(plugin("dev.hermetic:hermetic-maven-plugin", "0.1.0-SNAPSHOT", true, "normalize", "sign",
                "provenance", "sbom", "buildinfo"));
        CheckResult dynamic = result(audit(withModules(good, List.of(good.modules().get(0),
                withPlugins(app, plugins, app.versions())))), Check.DYNAMIC_VERSIONS);
        assertThat(dynamic.passed()).isTrue();
        assertThat(dynamic.evidence()).last().asString().startsWith("not counted: dev.hermetic:hermetic-maven-plugin"
                + " 0.1.0-SNAPSHOT");
    }

    @Test
    void outputTimestamps() {
        assertThat(Audit.timestampProblem("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")).isNull();
        assertThat(Audit.timestampProblem("1767225600", "${ts}")).isNull();
        assertThat(Audit.timestampProblem("${git.commit.time}", "${git.commit.time}")).isNull();
        assertThat(Audit.timestampProblem(null, null)).isEqualTo("project.build.outputTimestamp is not set: archive"
                + " entries carry the time of the build");
        assertThat(Audit.timestampProblem("a", "a")).contains("one character counts as unset");
        assertThat(Audit.timestampProblem("${git.build.time}", "${git.build.time}"))
                .contains("git-commit-id's git.build.time, which changes per build or checkout");
        assertThat(Audit.timestampProblem("2026-12-06T12:00:00Z", "${maven.build.timestamp}"))
                .contains("takes the time of each build");
        assertThat(Audit.timestampProblem("yesterday", "yesterday")).contains("yesterday");
    }

    @Test
    void repositoriesOverHttpAndOutsideTheMirrorAreEachNamed() {
        BuildFacts good = platinum();
        List<Repository> repositories = List.of(central(),
                new Repository("repository", "old", "http://repo.example.com/m2", "pom.xml of org.example:app", true,
                        "maven-default-http-blocker", true),
                new Repository("plugin repository", "extra", "https://extra.example.com/m2",
                        "pom.xml of org.example:parent", true, null, false));
        AuditReport report = audit(facts(good.modules(), repositories));
        assertThat(result(report, Check.REPOSITORIES_HTTPS).evidence()).containsExactly("repository old"
                + " (http://repo.example.com/m2) in pom.xml of org.example:app, blocked by Maven's default http blocker");
        assertThat(result(report, Check.REPOSITORIES_MIRROR).evidence()).containsExactly("plugin repository extra"
                + " (https://extra.example.com/m2) added by pom.xml of org.example:parent: downloaded from directly,"
                + " not through a mirror of yours");
    }

    @Test
    void lineEndingsNeedAnEolRuleForEverythingOrJavaSources() {
        BuildFacts good = platinum();
        for (String text : List.of("* text=auto\n", "*.png binary\n# * eol=lf\n")) {
            BuildFacts facts = new BuildFacts("3.9.16", 17, "1.0.0", good.modules(), good.repositories(),
                    good.wrapper(), List.of(new BuildFacts.TextFile(".gitattributes", text)),
                    good.resolverProperties(), good.lockfile(), good.comparisons());
            assertThat(result(audit(facts), Check.LINE_ENDINGS).passed()).as(text).isFalse();
        }
        assertThat(result(audit(good), Check.LINE_ENDINGS).evidence())
                .containsExactly(".gitattributes: * text=auto eol=lf");
    }

    @Test
    void wrapperWithoutChecksumFailsWithTheLineToAdd() {
        BuildFacts good = platinum();
        BuildFacts facts = new BuildFacts("3.9.16", 17, "1.0.0", good.modules(), good.repositories(),
                new BuildFacts.Wrapper(".mvn/wrapper/maven-wrapper.properties", good.wrapper().distributionUrl(), null),
                good.gitattributes(), good.resolverProperties(), good.lockfile(), good.comparisons());
        CheckResult wrapper = result(audit(facts), Check.MAVEN_WRAPPER);
        assertThat(wrapper.passed()).isFalse();
        assertThat(wrapper.snippet()).startsWith("distributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven"
                + "/apache-maven/3.9.16/apache-maven-3.9.16-bin.zip\ndistributionSha256Sum=");
        assertThat(audit(facts).level()).isEqualTo(Level.BRONZE);
    }

    @Test
    void aComparisonThatFoundDifferencesOrIsStaleDoesNotPass() {
        BuildFacts good = platinum();
        for (BuildFacts.Comparison c : List.of(new BuildFacts.Comparison("target/x.buildcompare", false, "ko=1",
                List.of()), new BuildFacts.Comparison("target/hermetic-compare.json", true, "4 identical",
                List.of("app-1.0.jar: target/app-1.0.jar has another SHA-256 now")))) {
            BuildFacts facts = new BuildFacts("3.9.16", 17, "1.0.0", good.modules(), good.repositories(),
                    good.wrapper(), good.gitattributes(), good.resolverProperties(), good.lockfile(), List.of(c));
            assertThat(result(audit(facts), Check.REBUILD_COMPARED).passed()).as(c.toString()).isFalse();
        }
    }

    @Test
    void levelsParseInAnyCaseAndABadOneNamesTheValidOnes() {
        assertThat(Level.parse("gold", "x")).isEqualTo(Level.GOLD);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Level.parse("GOLDEN", "hermetic.audit.failBelow"))
                .hasMessage("hermetic.audit.failBelow 'GOLDEN' is not a level: use one of BASIC, BRONZE, SILVER, GOLD,"
                        + " PLATINUM");
    }

    @Test
    void everyLevelAboveBasicNeedsAtLeastOneCheck() {
        for (Level level : Level.values()) {
            boolean needed = java.util.Arrays.stream(Check.values()).anyMatch(c -> c.level() == level);
            assertThat(needed).as(level.name()).isEqualTo(level != Level.BASIC);
        }
    }

    @Test
    void aModuleThatPackagesNothingNeedsNoNormalizeOrSbom() {
        Module parent = goodModule("org.example:parent", "pom");
        Module bareParent = new Module(parent.id(), "pom", parent.outputTimestamp(), parent.outputTimestampAsWritten(),
                List.of(), List.of(), List.of());
        AuditReport report = audit(withModules(platinum(), List.of(bareParent)));
        assertThat(result(report, Check.NORMALIZE_BOUND).evidence()).containsExactly("no module packages an archive");
        assertThat(result(report, Check.SIGNING).evidence()).containsExactly("hermetic:sign or maven-gpg-plugin's sign"
                + " is not bound in module org.example:parent");
    }
}
