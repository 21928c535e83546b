package dev.hermetic.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/audit.md lists the levels with exactly the checks the code asks of each, and describes every check. */
class AuditDocsTest {

    @Test
    void theDocsLevelTableIsTheCodes() throws IOException {
        String docs = Files.readString(Path.of("docs/audit.md"));
        assertThat(docs).contains(MarkdownReport.levelTable());
        for (Check check : Check.values()) {
            assertThat(docs).as(check.id()).contains("- **`" + check.id() + "`**");
        }
    }
}
