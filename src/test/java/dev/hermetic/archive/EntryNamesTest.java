package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"..", "../a", "a/..", "a/../b", "a/b/../../..", "a//../b", "../"})
    void dotDotSegmentsAreUnsafe(String name) {
        assertThat(EntryNames.unsafeReason(name)).contains("'..' segment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a..b", "..a", "a..", "a/...", ".../a", "a/b../c", "a/..b/c", "META-INF/", "a/./b", "Foo$1.class"})
    void namesThatOnlyContainDotsAreSafe(String name) {
        assertThat(EntryNames.unsafeReason(name)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "C:/x", "a\\b", "a\0b"})
    void otherUnsafeNames(String name) {
        assertThat(EntryNames.unsafeReason(name)).isNotNull();
    }
}
