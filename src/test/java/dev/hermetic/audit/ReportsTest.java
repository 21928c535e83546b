package dev.hermetic.audit;

import static dev.hermetic.audit.AuditFixtures.audit;
import static dev.hermetic.audit.AuditFixtures.platinum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.io.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reports of one audit: a build whose outputs are reproducible but whose Maven is not pinned and which has no
 * lockfile and no compared rebuild (Bronze), against golden files.
 */
class ReportsTest {

    static AuditReport bronze() {
        BuildFacts good = platinum();
        return audit(new BuildFacts(good.mavenVersion(), good.javaRelease(), good.hermeticVersion(), good.modules(),
                good.repositories(), null, good.gitattributes(), good.resolverProperties(),
                new BuildFacts.LockfileState("/p/hermetic.lock", false, List.of(), null, "mvn verify hermetic:lock"),
                List.of()));
    }

    static String golden(String name) throws IOException {
        try (InputStream in = ReportsTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void markdownIsAPageToPasteIntoAPullRequest() throws IOException {
        assertThat(MarkdownReport.write(bronze())).isEqualTo(golden("golden.md"));
    }

    @Test
    void jsonHoldsEveryCheckInAStableOrder() throws IOException {
        byte[] json = JsonReport.write(bronze());
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(golden("golden.json").strip());
        assertThat(CanonicalJson.read(json, "report").get("level").asText()).isEqualTo("BRONZE");
    }

    @Test
    void consoleShowsTheLevelTheTableAndEachFixByLevel() {
        List<String> lines = ConsoleReport.lines(bronze(), "target/hermetic-audit.md");
        assertThat(lines.get(0)).isEqualTo("hermetic:audit: BRONZE (inputs pinned), 15 of 18 checks pass; next:"
                + " SILVER (reproducible outputs), 1 check to fix");
        assertThat(lines).contains("  BRONZE    plugin-versions      pass          16 plugin uses in the build plans of"
                        + " 2 modules, each with its version in a POM",
                "To reach SILVER:", "  - maven-wrapper (Maven Wrapper with distributionSha256Sum): FAIL",
                "Then, for GOLD:", "    fix: Lock the build, review the lockfile and commit it; hermetic:verify then"
                        + " checks every input's bytes before use (docs/lock-verify.md)",
                "      mvn verify hermetic:lock", "Then, for PLATINUM:", "      (what to paste: target/hermetic-audit.md)");
    }
}
