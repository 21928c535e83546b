package dev.hermetic.lock;

import static dev.hermetic.lock.LockFixtures.coords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactPatternTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "org.example:tool, org.example:tool:jar:1.0, true",
        "org.example:tool, org.example:tool:pom:1.0, true",
        "org.example:tool, org.example:tool:jar:sources:1.0, true",
        "org.example:tool, org.example:toolkit:jar:1.0, false",
        "org.example:*, org.example:anything:jar:1.0, true",
        "org.example:*, org.example.sub:anything:jar:1.0, false",
        "org.example*, org.example.sub:anything:jar:1.0, true",
        "org.example, org.example:x:jar:1, true",
        "*:junit-jupiter-api:*:*, org.junit.jupiter:junit-jupiter-api:jar:5.14.4, true",
        "*:junit-jupiter-api:*:*, org.junit.jupiter:junit-jupiter-api:jar:tests:5.14.4, true",
        "*:junit-jupiter-api:*:*, org.junit.jupiter:junit-jupiter-engine:jar:5.14.4, false",
        "*:*:pom, g:a:pom:1, true",
        "*:*:pom, g:a:jar:1, false",
        "g:a:jar:1.*, g:a:jar:1.2.3, true",
        "g:a:jar:1.*, g:a:jar:2.0, false",
        "g:a:jar::1, g:a:jar:1, true",
        "g:a:jar::1, g:a:jar:tests:1, false",
        "g:a:jar:tests:1, g:a:jar:tests:1, true",
        "g:a:*:*-SNAPSHOT, g:a:jar:1.0-SNAPSHOT, true",
        "g.a, g.b:a:jar:1, false",
    })
    void matchesCoordinatesAsTheLockfileWritesThem(String pattern, String coordinates, boolean matches) {
        assertThat(ArtifactPattern.parse(pattern).matches(coords(coordinates))).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ":a", "a:b:c:d:e:f", "a b:c"})
    void malformedPatternsAreRefusedWithTheAcceptedShapes(String pattern) {
        assertThatThrownBy(() -> ArtifactPattern.parse(pattern)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid artifact pattern '" + pattern + "'")
                .hasMessageContaining("groupId[:artifactId[:extension[:version]]]");
    }
}
