package dev.hermetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/**
 * For records whose equals and hashCode are written out (bench/records says why): checks that both read every
 * component, including one added later.
 */
public final class RecordEquality {

    private RecordEquality() {}

    /**
     * @param base any instance
     * @param other for each component by name, a value unlike {@code base}'s; must name every component, so that a
     *     component added later fails here until it is listed
     */
    public static <R extends Record> void assertEveryComponentTakesPart(R base, Map<String, ?> other)
            throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) base.getClass();
        RecordComponent[] components = type.getRecordComponents();
        assertThat(Arrays.stream(components).map(RecordComponent::getName))
                .containsExactlyInAnyOrderElementsOf(other.keySet());
        Constructor<R> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
        canonical.setAccessible(true);

        Object[] same = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            components[i].getAccessor().setAccessible(true);
            Object value = components[i].getAccessor().invoke(base);
            // Equal text in another String instance: equality is by value, not identity.
            same[i] = value instanceof String text ? new String(text) : value;
        }
        assertThat(canonical.newInstance(same)).isEqualTo(base).hasSameHashCodeAs(base);
        for (int i = 0; i < components.length; i++) {
            Object[] values = same.clone();
            values[i] = other.get(components[i].getName());
            R changed = canonical.newInstance(values);
            assertThat(changed).as(components[i].getName()).isNotEqualTo(base);
            assertThat(changed.hashCode()).as(components[i].getName()).isNotEqualTo(base.hashCode());
        }
    }
}
