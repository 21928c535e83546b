package dev.hermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.RecordEquality;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArtifactCoordinatesTest {

    @Test
    void equalityAndHashReadEveryComponent() throws Exception {
        ArtifactCoordinates base = new ArtifactCoordinates("org.example", "lib", "1.0", "jar", "tests");
        // A value unlike base's for each component; a component added later fails here until it is listed.
        Map<String, String> other = Map.of("groupId", "org.other", "artifactId", "app", "version", "1.1",
                "extension", "pom", "classifier", "sources");
        RecordEquality.assertEveryComponentTakesPart(base, other);
    }

    @Test
    void anAbsentClassifierIsTheEmptyOne() {
        ArtifactCoordinates absent = new ArtifactCoordinates("org.example", "lib", "1.0", "jar", null);
        assertThat(absent).isEqualTo(new ArtifactCoordinates("org.example", "lib", "1.0", "jar", ""))
                .hasSameHashCodeAs(new ArtifactCoordinates("org.example", "lib", "1.0", "jar", ""));
    }
}
