package dev.hermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArtifactCoordinatesTest {

    @Test
    void equalityAndHashReadEveryComponent() throws Exception {
        ArtifactCoordinates base = new ArtifactCoordinates("org.example", "lib", "1.0", "jar", "tests");
        // A value unlike base's for each component; a component added later fails here until it is listed.
        Map<String, String> other = Map.of("groupId", "org.other", "artifactId", "app", "version", "1.1",
                "extension", "pom", "classifier", "sources");
        RecordComponent[] components = ArtifactCoordinates.class.getRecordComponents();
        assertThat(Arrays.stream(components).map(RecordComponent::getName))
                .containsExactlyInAnyOrderElementsOf(other.keySet());
        Constructor<ArtifactCoordinates> canonical = ArtifactCoordinates.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));

        Object[] same = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            // Equal text in other String instances: equality is by value.
            same[i] = new String((String) components[i].getAccessor().invoke(base));
        }
        ArtifactCoordinates copy = canonical.newInstance(same);
        assertThat(copy).isEqualTo(base).hasSameHashCodeAs(base);
        for (int i = 0; i < components.length; i++) {
            Object[] values = same.clone();
            values[i] = other.get(components[i].getName());
            ArtifactCoordinates changed = canonical.newInstance(values);
            assertThat(changed).as(components[i].getName()).isNotEqualTo(base);
            assertThat(changed.hashCode()).as(components[i].getName()).isNotEqualTo(base.hashCode());
        }
    }

    @Test
    void anAbsentClassifierIsTheEmptyOne() {
        ArtifactCoordinates absent = new ArtifactCoordinates("org.example", "lib", "1.0", "jar", null);
        assertThat(absent).isEqualTo(new ArtifactCoordinates("org.example", "lib", "1.0", "jar", ""))
                .hasSameHashCodeAs(new ArtifactCoordinates("org.example", "lib", "1.0", "jar", ""));
    }
}
