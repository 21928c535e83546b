package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JvmDefaultsTest {

    private JvmDefaults testJvm;

    @BeforeEach
    void userDefaults() {
        testJvm = JvmDefaults.current();
        // A user's JVM: its categories differ from the default locale, and its zone is neither UTC nor whole hours.
        Locale.setDefault(Locale.GERMANY);
        Locale.setDefault(Locale.Category.DISPLAY, Locale.FRANCE);
        Locale.setDefault(Locale.Category.FORMAT, Locale.JAPAN);
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
    }

    @AfterEach
    void restoreTestJvm() {
        testJvm.restore();
    }

    @Test
    void pinSetsRootAndUtcForEveryCategory() {
        JvmDefaults.pin();
        assertThat(Locale.getDefault()).isEqualTo(Locale.ROOT);
        assertThat(Locale.getDefault(Locale.Category.DISPLAY)).isEqualTo(Locale.ROOT);
        assertThat(Locale.getDefault(Locale.Category.FORMAT)).isEqualTo(Locale.ROOT);
        assertThat(TimeZone.getDefault().getID()).isEqualTo("UTC");
    }

    @Test
    void restoreAfterPinBringsBackTheUsersDefaults() {
        JvmDefaults before = JvmDefaults.pin();
        before.restore();
        assertThat(Locale.getDefault()).isEqualTo(Locale.GERMANY);
        assertThat(Locale.getDefault(Locale.Category.DISPLAY)).isEqualTo(Locale.FRANCE);
        assertThat(Locale.getDefault(Locale.Category.FORMAT)).isEqualTo(Locale.JAPAN);
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Kathmandu");
    }
}
