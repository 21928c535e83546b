package dev.hermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifySettingsTest {

    @Test
    void defaultsFailOnUnpinnedVersionsAndWarnOnUnused() {
        VerifySettings s = VerifySettings.from(Path.of("hermetic.lock"), name -> null);
        assertThat(s.rangePolicy()).isEqualTo(Policy.FAIL);
        assertThat(s.snapshotPolicy()).isEqualTo(Policy.FAIL);
        assertThat(s.metaVersionPolicy()).isEqualTo(Policy.FAIL);
        assertThat(s.pluginVersionPolicy()).isEqualTo(Policy.FAIL);
        assertThat(s.unusedPolicy()).isEqualTo(Policy.WARN);
        assertThat(s.strict()).isFalse();
        assertThat(s.excludes()).isEmpty();
        assertThat(s.reuseGraphs()).isEqualTo(VerifySettings.reuseGraphsByDefault(System.getenv("CI")));
        assertThat(s.runtimePolicy()).isEqualTo(Policy.FAIL);
        assertThat(s.usagePolicy()).isEqualTo(Policy.FAIL);
    }

    @Test
    void reusingGraphsIsSwitchedOffByFalse() {
        assertThat(VerifySettings.from(Path.of("x"), n -> n.equals("reuseGraphs") ? "false" : null).reuseGraphs())
                .isFalse();
    }

    @Test
    void storedGraphsAreReusedOnCiOnlyWhenTheUserOptsIn() {
        assertThat(VerifySettings.reuseGraphs(null, null)).as("a developer's machine").isTrue();
        assertThat(VerifySettings.reuseGraphs(null, "false")).isTrue();
        assertThat(VerifySettings.reuseGraphs(null, "true")).as("CI").isFalse();
        assertThat(VerifySettings.reuseGraphs("", "1")).as("CI").isFalse();
        assertThat(VerifySettings.reuseGraphs("true", "true")).as("CI, opted in").isTrue();
        assertThat(VerifySettings.reuseGraphs("FALSE", null)).isFalse();
        assertThatThrownBy(() -> VerifySettings.reuseGraphs("yes", null))
                .hasMessageContaining("hermetic.verify.reuseGraphs must be true or false, not 'yes'");
    }

    @Test
    void readsEverySetting() {
        Map<String, String> values = Map.of("rangePolicy", "warn", "snapshotPolicy", "IGNORE", "metaVersionPolicy",
                " Warn ", "pluginVersionPolicy", "ignore", "unusedPolicy", "fail", "strict", "true", "excludes",
                "org.example:*, ,*:junit-jupiter-api:*:*", "runtimeResolutions", "warn", "usagePolicy", "ignore");
        VerifySettings s = VerifySettings.from(Path.of("x"), values::get);
        assertThat(s.rangePolicy()).isEqualTo(Policy.WARN);
        assertThat(s.snapshotPolicy()).isEqualTo(Policy.IGNORE);
        assertThat(s.metaVersionPolicy()).isEqualTo(Policy.WARN);
        assertThat(s.pluginVersionPolicy()).isEqualTo(Policy.IGNORE);
        assertThat(s.unusedPolicy()).isEqualTo(Policy.FAIL);
        assertThat(s.strict()).isTrue();
        assertThat(s.excludes()).containsExactly("org.example:*", "*:junit-jupiter-api:*:*");
        assertThat(s.runtimePolicy()).isEqualTo(Policy.WARN);
        assertThat(s.usagePolicy()).isEqualTo(Policy.IGNORE);
    }

    @Test
    void badPolicyNamesThePropertyAndTheValidValues() {
        assertThatThrownBy(() -> VerifySettings.from(Path.of("x"), n -> n.equals("rangePolicy") ? "never" : null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hermetic.verify.rangePolicy")
                .hasMessageContaining("never")
                .hasMessageContaining("fail, warn, ignore");
        assertThatThrownBy(() -> VerifySettings.from(Path.of("x"),
                n -> n.equals("runtimeResolutions") ? "sometimes" : null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hermetic.verify.runtimeResolutions")
                .hasMessageContaining("sometimes");
    }

    @Test
    void eachKindOfUnpinnedVersionIsGovernedByItsOwnSetting() {
        VerifySettings s = VerifySettings.from(Path.of("x"), Map.of("rangePolicy", "fail", "snapshotPolicy", "warn",
                "metaVersionPolicy", "ignore", "pluginVersionPolicy", "warn")::get);
        assertThat(s.policyFor(unpinned("[1,2)", false))).isEqualTo(Policy.FAIL);
        assertThat(s.policyFor(unpinned("${lib.version}", false))).as("an expression").isEqualTo(Policy.FAIL);
        assertThat(s.policyFor(unpinned("1.0-SNAPSHOT", false))).isEqualTo(Policy.WARN);
        assertThat(s.policyFor(unpinned("LATEST", false))).isEqualTo(Policy.IGNORE);
        assertThat(s.policyFor(unpinned("RELEASE", false))).isEqualTo(Policy.IGNORE);
        assertThat(s.policyFor(unpinned("", false))).as("no version").isEqualTo(Policy.WARN);
        assertThat(s.policyFor(unpinned("1.0-SNAPSHOT", true))).as("a plugin without version").isEqualTo(Policy.WARN);
    }

    private static UnpinnedVersion unpinned(String version, boolean pluginWithoutVersion) {
        return new UnpinnedVersion("g:app", "Dependency g:lib", VersionSpec.of(version), pluginWithoutVersion);
    }
}
